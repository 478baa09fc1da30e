import NewsroomText

/// A start tag as written, lexed from raw bytes: where each attribute's value sits, so a value
/// can be replaced without re-serialising (and so re-shaping) the author's HTML.
///
/// libxml2 says which tags are elements and what their values mean; it does not say where a value
/// was written. This lexer follows libxml2's reading of a start tag closely enough to find that.
struct HTMLStartTag {
    /// Lower-cased name and the value as written, quotes included; nil for a bare attribute.
    var attributes: [(name: String, written: Range<Int>?)] = []
    /// The offset of the closing `>` (the end of the input when there is none).
    var end: Int

    /// The first start tag at or after `from`, skipping comments and end tags; nil when none is left.
    static func next(in bytes: [UInt8], from: Int) -> (start: Int, tag: HTMLStartTag)? {
        var index = from
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            if starts(bytes, at: index, with: "<!--") {
                index = (firstIndex(of: "-->", in: bytes, from: index + 4).map { $0 + 3 }) ?? bytes.count
            } else if ASCII.isLetter(bytes[index + 1]) {
                return (index, lex(bytes, from: index + 1))
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Lexes a tag whose name starts at `from`.
    private static func lex(_ bytes: [UInt8], from: Int) -> HTMLStartTag {
        var index = from
        while index < bytes.count, !ASCII.isHTMLSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") { index += 1 }
        var tag = HTMLStartTag(end: bytes.count)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                tag.end = index
                return tag
            }
            if ASCII.isHTMLSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let nameStart = index
            index += 1  // the first byte belongs to the name, even an `=`
            while index < bytes.count, !ASCII.isHTMLSpace(bytes[index]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[index]) {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < bytes.count, ASCII.isHTMLSpace(bytes[probe]) { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
                tag.attributes.append((name, nil))
                continue
            }
            index = probe + 1
            while index < bytes.count, ASCII.isHTMLSpace(bytes[index]) { index += 1 }
            let valueStart = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                index += 1
                while index < bytes.count, bytes[index] != quote { index += 1 }
                index = min(index + 1, bytes.count)
            } else {
                while index < bytes.count, !ASCII.isHTMLSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            }
            tag.attributes.append((name, valueStart..<index))
        }
        return tag
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[index + $0] == text.utf8Start[$0] }
    }

    private static func firstIndex(of text: StaticString, in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            if starts(bytes, at: index, with: text) { return index }
            index += 1
        }
        return nil
    }
}
