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

    /// `text` with every byte `allowed` refuses written as `%XX` (upper-case hex), straight
    /// into the string's storage: share links and canonical URLs are encoded for every page.
    @inline(__always)
    static func encode<Text: StringProtocol>(_ text: Text, allowing allowed: (UInt8) -> Bool) -> String {
        if text.utf8.allSatisfy(allowed) { return String(text) }
        return String(unsafeUninitializedCapacity: text.utf8.count * 3) { output in
            var count = 0
            for byte in text.utf8 { count = put(byte, allowing: allowed, into: output, at: count) }
            return count
        }
    }

    /// Writes `byte` at `offset` in `output`, as it is if `allowed` takes it, else as `%XX`;
    /// returns the offset after it. `output` has room for three bytes there.
    @inline(__always)
    static func put(_ byte: UInt8, allowing allowed: (UInt8) -> Bool, into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        if allowed(byte) {
            output[offset] = byte
            return offset + 1
        }
        return putEscaped(byte, into: output, at: offset)
    }

    /// Writes `byte` at `offset` in `output` as `%XX`; returns the offset after it.
    @inline(__always)
    static func putEscaped(_ byte: UInt8, into output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        output[offset] = UInt8(ascii: "%")
        output[offset + 1] = hexDigit(byte >> 4)
        output[offset + 2] = hexDigit(byte & 0x0F)
        return offset + 3
    }

    /// The upper-case hex digit for `value` (0–15).
    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}

/// A set of ASCII bytes as the bits of two words, so a test is one shift whatever the set:
/// for the byte classes run over every byte of every link.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The ASCII bytes `member` takes.
    init(_ member: (UInt8) -> Bool) {
        for byte in UInt8(0)..<128 where member(byte) {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> byte & 1 != 0 : byte < 128 && high >> (byte - 64) & 1 != 0
    }
}
