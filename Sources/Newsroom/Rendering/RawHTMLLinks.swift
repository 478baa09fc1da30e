import NewsroomMarkdown
import NewsroomXML

/// Resolves the URLs of one raw HTML node like Markdown links. Only the values that change are
/// replaced, in the author's text: an inline `<a href="…">` is a node without its `</a>`, which
/// a parser writing the HTML out again would close.
enum RawHTMLLinks {
    /// The node's text with its URLs resolved, or nil when nothing changes.
    /// - Parameter resolve: gets each URL, whether it names an image, and the UTF-8 offset in
    ///   `literal` where it is written (its value's start when entities make the two differ).
    static func rewrite(_ literal: String, resolve: (_ url: String, _ isImage: Bool, _ offset: Int) -> LinkResolution) -> String? {
        let bytes = Array(literal.utf8)
        var replacements: [(range: Range<Int>, text: String)] = []
        for attribute in HTMLURLAttributes.find(in: literal) where !MarkdownRenderer.tagFilteredElements.contains(attribute.element) {
            let written = bytes[attribute.written]
            let quoted = written.first == UInt8(ascii: "\"") || written.first == UInt8(ascii: "'")
            let valueStart = attribute.written.lowerBound + (quoted ? 1 : 0)
            // Offsets inside the value are offsets in the text only when no entity changed its length.
            let decodedIsWritten = written.dropFirst(quoted ? 1 : 0).dropLast(quoted ? 1 : 0).elementsEqual(attribute.value.utf8)
            let isImage = attribute.name == "srcset" || attribute.name == "poster" || (attribute.name == "src" && attribute.element == "img")
            let urls = attribute.name == "srcset" ? Srcset.urls(in: attribute.value) : [Srcset.URL(url: 0..<attribute.value.utf8.count, candidate: 0..<attribute.value.utf8.count)]
            var value = Array(attribute.value.utf8)
            var edits: [(Range<Int>, [UInt8])] = []
            for url in urls {
                let text = String(decoding: value[url.url], as: UTF8.self)
                switch resolve(text, isImage, valueStart + (decodedIsWritten ? url.url.lowerBound : 0)) {
                case .keep: continue
                case .replace(let destination): edits.append((url.url, Array(destination.utf8)))
                case .drop: edits.append((attribute.name == "srcset" ? url.candidate : url.url, []))
                }
            }
            guard !edits.isEmpty else { continue }
            for (range, replacement) in edits.reversed() { value.replaceSubrange(range, with: replacement) }
            replacements.append((attribute.written, "\"" + escaped(String(decoding: value, as: UTF8.self)) + "\""))
        }
        guard !replacements.isEmpty else { return nil }
        var result = bytes
        for (range, text) in replacements.reversed() { result.replaceSubrange(range, with: Array(text.utf8)) }
        return String(decoding: result, as: UTF8.self)
    }

    /// A value for a double-quoted attribute.
    private static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") }) else { return value }
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
