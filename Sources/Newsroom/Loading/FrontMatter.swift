/// A content file split into its YAML front matter and its Markdown body.
///
/// The split happens before cmark sees the text: to Markdown a leading `---` is a thematic break.
struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences.
    var yaml: String
    /// The file line of the YAML's first line.
    var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    var body: String
    /// The file line of the body's first line (add it to Markdown line numbers, minus one).
    var bodyFirstLine: Int

    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, isFence(first) else {
            return .failure(Diagnostic(
                path: path, message: "missing front matter: the file must begin with a '---' line, then YAML, then '---'"
            ))
        }
        guard let closing = lines.dropFirst().firstIndex(where: { isFence($0) || $0.trimmingTrailingSpaces == "..." }) else {
            return .failure(Diagnostic(path: path, message: "front matter opened here is never closed with a '---' line"))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingSpaces == "---"
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
