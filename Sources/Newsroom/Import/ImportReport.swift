/// What an import did and what it leaves for a person, printed by `generate import` (and the
/// whole of what `--dry-run` does).
public struct ImportReport: Sendable, Equatable {
    public var items = 0
    public var drafts = 0
    public var pages = 0
    public var images = 0
    public var files = 0
    public var aliases = 0
    public var linksRewritten = 0
    public var constructsConverted = 0
    /// Front-matter keys with no Newsroom meaning, each listed once.
    public var droppedKeys: Set<String> = []
    /// What needs a person, each as `path:line: what`.
    public var needs: [Need] = []
    /// The files written (or, with `--dry-run`, that would be), as the author would open them.
    public var written: [String] = []

    public struct Need: Sendable, Equatable, Comparable {
        public var path: String
        public var line: Int
        public var message: String

        public static func < (lhs: Need, rhs: Need) -> Bool {
            (lhs.path, lhs.line, lhs.message) < (rhs.path, rhs.line, rhs.message)
        }

        public var description: String { "\(path):\(line): \(message)" }
    }

    mutating func need(_ message: String, at path: String, line: Int = 1) {
        needs.append(Need(path: path, line: max(1, line), message: message))
    }

    /// The report as printed: counts, dropped keys, then each place that needs a person.
    public var text: String {
        var lines = [
            "items: \(items)" + (drafts > 0 ? " (\(drafts) draft\(drafts == 1 ? "" : "s"))" : ""),
            "pages: \(pages)",
            "images: \(images)",
            "other files: \(files)",
            "aliases: \(aliases)",
            "links rewritten: \(linksRewritten)",
            "constructs converted: \(constructsConverted)",
        ]
        if !droppedKeys.isEmpty {
            lines.append("keys dropped: \(droppedKeys.sorted().joined(separator: ", "))")
        }
        let sorted = needs.sorted()
        lines.append(sorted.isEmpty ? "nothing needs a person" : "needs a person (\(sorted.count)):")
        lines += sorted.map { "  " + $0.description }
        return lines.joined(separator: "\n") + "\n"
    }
}
