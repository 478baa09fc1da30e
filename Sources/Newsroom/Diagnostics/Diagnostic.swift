/// A problem found in the author's files, located as `path:line:col`.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// The file as the author would open it from where `generate` runs.
    var path: String
    var line: Int
    var column: Int
    public var severity: Severity
    var message: String

    init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
    }

    static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column, severity: .error, message: message)
    }

    static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column, severity: .warning, message: message)
    }

    /// `path:line:col: error: message`, the shape compilers use and editors jump to.
    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// A place in an author's file.
struct SourceLocation: Sendable, Equatable, Hashable {
    var path: String
    var line: Int
    var column: Int

    init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }
}

/// The errors that stopped a tool before it could do its work.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    var items: [Diagnostic]

    init(_ items: [Diagnostic]) { self.items = items }

    public var description: String { items.map(\.description).joined(separator: "\n") }
}
