extension ParsedMarkdown {
    /// The body's words as a reader sees them, for the search index: the HTML with every tag
    /// turned into a space (so words of two blocks never run together), raw HTML dropped and
    /// cmark-gfm's character references read back. cmark-gfm escapes a `<` in text, so every
    /// `<` left in its HTML opens a tag.
    public func plainText() -> String {
        let bytes = html(rawHTML: Array(repeating: "", count: rawHTML.count), links: Array(repeating: .drop, count: references.count))
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                text.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "&") {
                var end = index + 1
                while end < bytes.count, end - index < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: ";") {
                    text += Self.characterReference(bytes[(index + 1)..<end])
                    index = end
                } else {
                    text.append(byte)
                }
            } else {
                // Text up to the next tag or reference, copied as one run.
                let start = index
                while index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "<"), bytes[index + 1] != UInt8(ascii: "&") { index += 1 }
                text += bytes[start...index]
            }
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The text of `&name;` (without `&` and `;`): the references cmark-gfm writes, numeric ones,
    /// and a space for any other (its name is not a word of the text).
    private static func characterReference(_ name: ArraySlice<UInt8>) -> [UInt8] {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case let numeric where numeric.hasPrefix("#"):
            let digits = numeric.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, let scalar = Unicode.Scalar(value) { return Array(String(scalar).utf8) }
            return [UInt8(ascii: " ")]
        default: return [UInt8(ascii: " ")]
        }
    }
}
