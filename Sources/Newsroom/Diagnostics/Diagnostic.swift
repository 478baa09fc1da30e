/// A problem found in the author's files, located as `path:line:col`.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// The file as the author would open it from where `generate` runs.
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column, severity: .error, message: message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(path: location.path, line: location.line, column: location.column, severity: .warning, message: message)
    }

    /// `path:line:col: error: message`, the shape compilers use and editors jump to.
    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// A place in an author's file.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }
}

/// The errors that stopped a tool before it could do its work.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic]) { self.items = items }

    public var description: String { items.map(\.description).joined(separator: "\n") }
}
