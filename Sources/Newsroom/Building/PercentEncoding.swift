/// `%XX` escapes for the UTF-8 bytes of a text that a URL part does not allow as they are.
enum PercentEncoding {
    /// ASCII letters, digits and `-._~`: the bytes every URL part allows (RFC 3986 "unreserved").
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `text` with every byte `allowed` refuses written as `%XX` (upper-case hex).
    @inline(__always)
    static func encode<Text: StringProtocol>(_ text: Text, allowing allowed: (UInt8) -> Bool) -> String {
        if text.utf8.allSatisfy(allowed) { return String(text) }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if allowed(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The upper-case hex digit for `value` (0–15).
    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
