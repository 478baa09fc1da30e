import Foundation

/// A source file split into its front matter (YAML between `---`, or TOML between `+++`) and
/// its body; a file without front matter is all body.
struct SourceDocument: Sendable {
    var fields: SourceValue
    var body: String
    /// The file line of the body's first line.
    var bodyFirstLine: Int
    /// Whether the file began with front matter at all.
    var hasFrontMatter: Bool

    static func read(_ text: String, path: String) -> Result<SourceDocument, Diagnostic> {
        let empty = SourceValue(kind: .map([]), line: 1)
        if text.hasPrefix("+++") {
            return splitTOML(text, path: path)
        }
        guard text.hasPrefix("---") else {
            return .success(SourceDocument(fields: empty, body: text, bodyFirstLine: 1, hasFrontMatter: false))
        }
        switch FrontMatter.split(text, path: path) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let split):
            switch YAMLNode.parseWithYams(split.yaml, path: path, firstLine: split.yamlFirstLine) {
            case .failure(let diagnostic): return .failure(diagnostic)
            case .success(let node):
                let fields = node.map(SourceValue.from) ?? empty
                guard case .map = fields.kind else {
                    return .failure(Diagnostic(path: path, line: 2, message: "front matter must be a map of 'key: value' lines"))
                }
                return .success(SourceDocument(fields: fields, body: split.body, bodyFirstLine: split.bodyFirstLine, hasFrontMatter: true))
            }
        }
    }

    private static func splitTOML(_ text: String, path: String) -> Result<SourceDocument, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "+++" }) else {
            return .failure(Diagnostic(path: path, message: "front matter opened here with '+++' is never closed"))
        }
        let toml = lines[1..<close].joined(separator: "\n")
        switch TOMLReader.parse(toml, path: path, firstLine: 2) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let fields):
            let body = lines[(close + 1)...].joined(separator: "\n")
            return .success(SourceDocument(fields: fields, body: body, bodyFirstLine: close + 2, hasFrontMatter: true))
        }
    }
}
