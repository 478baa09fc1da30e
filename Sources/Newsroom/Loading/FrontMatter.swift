import Foundation

/// A content file split into its YAML front matter and its Markdown body.
///
/// The split happens before cmark sees the text: to Markdown a leading `---` is a thematic break.
struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences.
    var yaml: String
    /// The file line of the YAML's first line.
    var yamlFirstLine: Int
    /// The Markdown after the closing fence, as UTF-8 (checked when split): a body parsed as
    /// soon as it is read goes to cmark as these bytes, never made a String.
    var bodyBytes: Data
    /// The file line of the body's first line (add it to Markdown line numbers, minus one).
    var bodyFirstLine: Int

    /// The Markdown after the closing fence.
    var body: String { String(decoding: bodyBytes, as: UTF8.self) }

    init(yaml: String, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.init(yaml: yaml, yamlFirstLine: yamlFirstLine, bodyBytes: Data(body.utf8), bodyFirstLine: bodyFirstLine)
    }

    init(yaml: String, yamlFirstLine: Int, bodyBytes: Data, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.bodyBytes = bodyBytes
        self.bodyFirstLine = bodyFirstLine
    }

    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var bytesOf = text
        return bytesOf.withUTF8 { bytes in
            locate(in: bytes, path: path).map { parts in
                // Cut from the (valid) text itself: decoding the bytes again validated them again.
                FrontMatter(yaml: slice(text, parts.yaml), yamlFirstLine: 2, body: slice(text, parts.body), bodyFirstLine: parts.bodyFirstLine)
            }
        }
    }

    /// A file's bytes decoded (see `SourceText.decode`) and split. Where they need no change,
    /// the YAML is made a String from its own bytes and the body is those of `data`, checked:
    /// fences are ASCII lines, so the two are valid UTF-8 exactly when the file is, and the
    /// whole text is neither made nor copied again. Anything else takes `SourceText.decode`'s
    /// own path, with its diagnostics.
    static func split(_ data: Data, path: String) -> Result<FrontMatter, Diagnostic> {
        let direct = splitInPlace(data) { String(validating: $0, as: UTF8.self) }
        if let direct {
            return .success(FrontMatter(yaml: direct.yaml, yamlFirstLine: 2, bodyBytes: direct.body, bodyFirstLine: direct.bodyFirstLine))
        }
        return SourceText.decode(data, path: path).flatMap { split($0.text, path: path) }
    }

    /// The body of `split(data, path:)` as bytes, for a file that split before (read again
    /// and found unchanged): where they need no change, the body's own bytes of `data`, checked
    /// as `split` checks them, and the YAML not made at all; anything else takes `split`.
    /// `path` is made only for a diagnostic.
    static func bodyBytes(of data: Data, path: () -> String) -> Result<Data, Diagnostic> {
        if let direct = splitInPlace(data, yaml: { _ in () }) { return .success(direct.body) }
        return split(data, path: path()).map(\.bodyBytes)
    }

    /// `data` split where its bytes need no change (see `SourceText.withUnchangedBytes`): the
    /// YAML as `yaml` makes it from its bytes, and the body's own bytes of `data`, checked to be
    /// UTF-8. Nil where they need a change, do not split, or either part is not UTF-8: the
    /// callers then split again by `SourceText.decode`, which says why.
    private static func splitInPlace<YAML>(_ data: Data, yaml makeYAML: (UnsafeBufferPointer<UInt8>) -> YAML?) -> (yaml: YAML, body: Data, bodyFirstLine: Int)? {
        // Where `withUnchangedBytes`' bytes start in `data`: after a byte-order mark.
        let start = data.startIndex + (data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        return SourceText.withUnchangedBytes(data) { bytes in
            guard case .success(let parts) = locate(in: bytes, path: ""),
                  let yaml = makeYAML(UnsafeBufferPointer(rebasing: bytes[parts.yaml])),
                  SourceText.isUTF8(UnsafeBufferPointer(rebasing: bytes[parts.body]))
            else { return nil }
            return (yaml, data[(start + parts.body.lowerBound)..<(start + parts.body.upperBound)], parts.bodyFirstLine)
        }
    }

    /// Where the YAML and the body are in `bytes`, by line starts found byte by byte: front
    /// matter is small, bodies are not split at all.
    private static func locate(in bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<(yaml: Range<Int>, body: Range<Int>, bodyFirstLine: Int), Diagnostic> {
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
                let yaml = start == yamlStart ? yamlStart..<yamlStart : yamlStart..<max(yamlStart, start - 1)
                return .success((yaml, bodyStart..<bodyEnd, line + 1))
            }
            start = end + 1
            line += 1
        }
        return .failure(Diagnostic(path: path, message: "front matter opened here is never closed with a '---' line"))
    }

    /// `text`'s UTF-8 bytes in `range` (both ends at line starts or ends, so on character boundaries).
    private static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
}
