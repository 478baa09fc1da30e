/// One raw HTML node as the author wrote it: an HTML block, or one inline tag.
public struct MarkdownRawHTML: Sendable, Equatable {
    /// The HTML exactly as written (a block keeps its line breaks).
    public var literal: String
    /// Whether this is an HTML block rather than an inline tag.
    public var isBlock: Bool
    /// The source line of the literal's first byte.
    var line: Int
    /// The source column of the literal's first byte.
    var column: Int
    /// The source column where the literal's later lines start (after any list indent or `> `).
    var continuationColumn: Int

    /// The 1-based source line and column of the literal's UTF-8 byte at `offset`, counting the
    /// lines within the literal.
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        var line = self.line
        var lineStart = 0
        for (index, byte) in literal.utf8.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, (line == self.line ? column : continuationColumn) + offset - lineStart)
    }
}

extension MarkdownRenderer {
    /// The elements GFM's tag filter shows as text even when raw HTML is allowed, lower-cased.
    public static let tagFilteredElements: Set<String> = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]
}
