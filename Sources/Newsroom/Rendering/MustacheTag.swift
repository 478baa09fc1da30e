import NewsroomText

/// A Mustache tag found in a template, with its place, for load-time checks.
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        case variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters
    }

    var kind: Kind
    /// The tag's content without sigil and padding (`title`, `uppercased(title)`, `base`).
    var content: String
    var line: Int
    var column: Int
    /// For a section, the literal text up to its closing tag when it holds no other tag.
    var literalBody: String?

    /// Every tag of `text`, following `{{=<% %>=}}` delimiter changes.
    static func scan(_ text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        var open = Array("{{"), close = Array("}}")
        let chars = Array(text)
        var index = 0, line = 1, lineStart = 0
        func advanceLines(to end: Int) {
            var i = index
            while i < end && i < chars.count {
                if chars[i] == "\n" { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        while let start = find(open, in: chars, from: index) {
            advanceLines(to: start)
            index = start
            let column = start - lineStart + 1
            var contentStart = start + open.count
            var closing = close
            var kind = Kind.variable
            if open == Array("{{"), contentStart < chars.count, chars[contentStart] == "{" {
                kind = .unescaped
                contentStart += 1
                closing = Array("}" + String(close))
            }
            guard let end = find(closing, in: chars, from: contentStart) else { break }
            var content = String(String(chars[contentStart..<end]).trimming(" \t\n"))
            if kind == .variable, let sigil = content.first {
                let kinds: [Character: Kind] = [
                    "!": .comment, "=": .delimiters, "#": .section, "^": .inverted, "/": .close,
                    ">": .partial, "<": .parent, "$": .block, "&": .unescaped,
                ]
                if let found = kinds[sigil] {
                    kind = found
                    content = String(content.dropFirst().trimming(" \t\n"))
                }
            }
            if kind == .delimiters, content.hasSuffix("=") {
                let parts = content.dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            }
            var tag = MustacheTag(kind: kind, content: content, line: line, column: column)
            let after = end + closing.count
            if kind == .section, let next = find(open, in: chars, from: after) {
                tag.literalBody = String(chars[after..<next])
            }
            tags.append(tag)
            advanceLines(to: after)
            index = after
        }
        return tags
    }

    private static func find(_ needle: [Character], in chars: [Character], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= chars.count - needle.count else { return nil }
        var i = start
        while i <= chars.count - needle.count {
            if chars[i] == needle[0] && Array(chars[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}
