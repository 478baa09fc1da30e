/// Collects every diagnostic of a build, so an author sees all problems at once.
struct DiagnosticLog: Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    init() {}

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func add(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        add(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        add(.warning(message, at: location))
    }

    var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// Sorted by path, line and column, duplicates removed: stable output for tests and people.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics
            .filter { seen.insert($0).inserted }
            .sorted { ($0.path, $0.line, $0.column, $0.message) < ($1.path, $1.line, $1.column, $1.message) }
    }
}
