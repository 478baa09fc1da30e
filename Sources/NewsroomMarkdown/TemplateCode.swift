import NewsroomText

/// Template code another generator left in a body (`{% … %}`, `{{< … >}}`, `{{% … %}}`,
/// `{{ … | … }}`), found outside code; it is rendered as text, exactly as written.
public struct TemplateCode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `{% … %}` (Jekyll, Liquid, Jinja).
        case liquidTag
        /// `{{< … >}}` or `{{% … %}}` (Hugo).
        case hugoShortcode
        /// `{{ … | … }}`: an expression with a filter (Liquid, Jinja, Twig).
        case templateExpression
    }

    public var kind: Kind
    /// The construct as written (several lines for a construct that spans them).
    public var text: String
    /// 1-based line of its opening in the Markdown source.
    public var line: Int
    /// 1-based column (in bytes, as cmark counts link columns) of its opening.
    public var column: Int
}

/// Finds template code in Markdown source by its delimiters, without knowing about code: the
/// caller (`CmarkDocument`) learns from cmark which constructs sit in code.
enum TemplateCodeScanner {
    struct Found: Equatable {
        var kind: TemplateCode.Kind
        /// Byte range in the source, delimiters included.
        var range: Range<Int>
        var line: Int
        var column: Int
    }

    /// Every construct in `bytes`, in source order. A construct ends at its closing delimiter
    /// and never crosses a blank line (an unclosed `{%` is plain text, not template code).
    static func find(in bytes: [UInt8]) -> [Found] {
        let brace = UInt8(ascii: "{"), percent = UInt8(ascii: "%")
        guard bytes.withUnsafeBufferPointer(mayHold) else { return [] }
        var found: [Found] = []
        var index = 0, line = 1, lineStart = 0
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && bytes[index + 1] != 0x0A) {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard byte == brace, bytes[index + 1] == percent || bytes[index + 1] == brace else {
                index += 1
                continue
            }
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            let (kind, closing): (TemplateCode.Kind, [UInt8])
            if bytes[index + 1] == percent {
                (kind, closing) = (.liquidTag, Array("%}".utf8))
            } else if third == UInt8(ascii: "<") {
                (kind, closing) = (.hugoShortcode, Array(">}}".utf8))
            } else if third == percent {
                (kind, closing) = (.hugoShortcode, Array("%}}".utf8))
            } else {
                (kind, closing) = (.templateExpression, Array("}}".utf8))
            }
            let contentStart = index + (kind == .liquidTag ? 2 : 3)
            guard let end = closingEnd(closing, in: bytes, from: contentStart),
                  kind != .templateExpression || bytes[contentStart..<(end - closing.count)].contains(UInt8(ascii: "|"))
            else {
                index += 1
                continue
            }
            found.append(Found(kind: kind, range: index..<end, line: line, column: index - lineStart + 1))
            // Lines inside the construct still count.
            for inner in index..<end where bytes[inner] == 0x0A || (bytes[inner] == 0x0D && inner + 1 < end && bytes[inner + 1] != 0x0A) {
                line += 1
                lineStart = inner + 1
            }
            index = end
        }
        return found
    }

    /// Whether `bytes` hold a `{%` or a `{{`, without which there is no construct: most bodies
    /// hold neither, and two byte searches say so without counting lines.
    static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let brace = UInt8(ascii: "{"), percent = UInt8(ascii: "%")
        return UTF8Search.firstIndex(of: [brace, percent], in: bytes) != nil || UTF8Search.firstIndex(of: [brace, brace], in: bytes) != nil
    }

    /// The offset just past `closing` at or after `start`, unless a blank line comes first.
    private static func closingEnd(_ closing: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + closing.count <= bytes.count {
            if bytes[index] == 0x0A {
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D { next += 1 }
                if next >= bytes.count || bytes[next] == 0x0A { return nil }
            }
            if bytes[index..<(index + closing.count)].elementsEqual(closing) { return index + closing.count }
            index += 1
        }
        return nil
    }
}
