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

    /// UTF-8 bytes escaped, appended to `output`. Runs without special bytes are copied whole.
    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs escaping (most text).
            if index + 8 <= bytes.count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            guard needsEscape(bytes[index]) else {
                index += 1
                continue
            }
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            default: replacement = "&#39;"
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            start = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Whether any of the eight bytes in `word` is one of `& < > " '` (the classic test for a
    /// zero byte, on the word XORed with each of the five repeated; it never misses one).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func holds(_ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x & highs
        }
        return holds(0x26) | holds(0x3C) | holds(0x3E) | holds(0x22) | holds(0x27) != 0
    }

    /// `& < > " '`, all below 0x40: one shift of a constant mask per byte instead of five
    /// comparisons.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        let mask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
        return byte < 0x40 && mask >> UInt64(byte) & 1 != 0
    }
}
