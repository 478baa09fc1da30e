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
        var bytesOf = text
        return bytesOf.withUTF8 { bytes in
            // Line starts, found byte by byte: front matter is small, bodies are not split at all.
            func lineEnd(from start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                return end
            }
            func isFence(_ start: Int, _ end: Int, _ mark: UInt8) -> Bool {
                var trimmed = end
                while trimmed > start, bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 { trimmed -= 1 }
                return trimmed - start == 3 && bytes[start] == mark && bytes[start + 1] == mark && bytes[start + 2] == mark
            }
            let firstEnd = lineEnd(from: 0)
            guard isFence(0, firstEnd, UInt8(ascii: "-")) else {
                return .failure(Diagnostic(
                    path: path, message: "missing front matter: the file must begin with a '---' line, then YAML, then '---'"
                ))
            }
            var line = 2
            var start = min(firstEnd + 1, bytes.count)
            let yamlStart = start
            while start < bytes.count {
                let end = lineEnd(from: start)
                if isFence(start, end, UInt8(ascii: "-")) || isFence(start, end, UInt8(ascii: ".")) {
                    var bodyStart = min(end + 1, bytes.count)
                    var bodyEnd = bytes.count
                    if bodyEnd > bodyStart, bytes[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
                    if bodyStart > bodyEnd { bodyStart = bodyEnd }
                    // Cut from the (valid) text itself: decoding the bytes again validated them again.
                    let yaml = start == yamlStart ? "" : Self.slice(text, yamlStart, max(yamlStart, start - 1))
                    let body = Self.slice(text, bodyStart, bodyEnd)
                    return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
                }
                start = end + 1
                line += 1
            }
            return .failure(Diagnostic(path: path, message: "front matter opened here is never closed with a '---' line"))
        }
    }

    /// `text`'s UTF-8 bytes `start..<end` (both at line starts or ends, so on character boundaries).
    private static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }
}
