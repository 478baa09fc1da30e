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

    /// Whether any of 8 bytes (one word, read as it lies in memory) is one of `& < > " '`, with
    /// a few word operations instead of a test per byte: `&` and `'` are `'` once bit 0 is
    /// set, `<` and `>` are `>` once bit 1 is, and a byte equal to `c` is a zero byte of the
    /// word xor `c` in every byte, which the borrow of subtracting 1 from each byte shows.
    @inline(__always)
    private static func holdsSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZeroByte((word | ones) ^ (ones &* 0x27))
            || hasZeroByte((word | ones &* 0x02) ^ (ones &* 0x3E))
            || hasZeroByte(word ^ (ones &* 0x22))
    }

    /// UTF-8 bytes escaped, appended to `output`. Runs without special bytes are copied whole,
    /// and are found 8 bytes at a time.
    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, !holdsSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, bytes.count)
            while index < end {
                if isSpecial(base[index]) {
                    if index > start { output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start)) }
                    let replacement = replacement(of: base[index])
                    output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    start = index + 1
                }
                index += 1
            }
        }
        if index > start { output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start)) }
    }

    private static func replacement(of byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return "&#39;"
        }
    }
}
