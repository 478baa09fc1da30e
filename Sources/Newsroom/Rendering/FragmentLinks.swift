import NewsroomMustache
import NewsroomText

/// A feed reader shows an item away from its page, where `#fn-1` points nowhere: every `href`
/// or `src` that is only a fragment is made absolute against the item's permalink. cmark's
/// footnote references and back-references are written by its renderer, not link nodes, so
/// this works on the rendered HTML rather than on the links as they are resolved.
enum FragmentLinks {
    static func absolute(in html: String, permalink: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "#")) else { return html }
        let prefix = Array(HTMLEscaping.escaped(permalink).utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 256)
        var index = 0
        var inTag = false
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            result.append(byte)
            index += 1
            if !inTag {
                // Only markup starts a tag: text has its `<` escaped as `&lt;`.
                if byte == UInt8(ascii: "<"), index < bytes.count, ASCII.isLetter(bytes[index]) { inTag = true }
            } else if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if ASCII.isHTMLSpace(byte), let valueStart = fragmentValue(in: bytes, at: index) {
                // Copy the attribute name, `=` and any quote, then the permalink before the `#`.
                result += bytes[index..<valueStart]
                if valueStart > index, bytes[valueStart - 1] == UInt8(ascii: "\"") || bytes[valueStart - 1] == UInt8(ascii: "'") {
                    quote = bytes[valueStart - 1]
                }
                result += prefix
                index = valueStart
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Where the value of an `href=` or `src=` attribute starting at `start` begins, when that
    /// value (quoted or not) is a fragment; nil otherwise.
    private static func fragmentValue(in bytes: [UInt8], at start: Int) -> Int? {
        for name in names {
            let end = start + name.count
            guard end < bytes.count, zip(bytes[start..<end], name).allSatisfy({ ASCII.lowercased($0) == $1 }) else { continue }
            var value = end
            if bytes[value] == UInt8(ascii: "\"") || bytes[value] == UInt8(ascii: "'") { value += 1 }
            return value < bytes.count && bytes[value] == UInt8(ascii: "#") ? value : nil
        }
        return nil
    }

    private static let names: [[UInt8]] = [Array("href=".utf8), Array("src=".utf8)]
}
