/// HTML escaping as swift-mustache does it (`& < > " '`): for template variables and for text
/// the generator writes into pages itself.
package enum HTMLEscaping {
    /// `text` escaped, appended to `output`.
    package static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    package static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes that are escaped, as bits of one word: all five lie below 64.
    private static let specialBits: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Whether `byte` is one of `& < > " '`: one shift and test, no branch per case.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && specialBits >> byte & 1 != 0
    }

    /// UTF-8 bytes escaped, appended to `output`. Runs without special bytes are copied whole.
    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var index = 0
        while index < bytes.count {
            guard isSpecial(base[index]) else {
                index += 1
                continue
            }
            if index > start { output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start)) }
            let replacement: StaticString
            switch base[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            start = index
        }
        if index > start { output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start)) }
    }
}
