/// The order `search.js` sorts terms in, JavaScript's string order (UTF-16 code units), worked
/// out on UTF-8 bytes. UTF-8 bytes sort in code point order, which is UTF-16's everywhere but
/// in one place: a scalar of U+E000–U+FFFF (lead byte EE or EF) comes after a supplementary one
/// (lead F0–F4, a surrogate pair in UTF-16, D800–DBFF). Bytes before the first difference are
/// equal, so both sides stand at the same place of a scalar there and lead bytes meet lead bytes.
enum SearchTermOrder {
    static func precedes(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        return first.withUTF8 { left in second.withUTF8 { right in precedes(left, right) } }
    }

    static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<min(left.count, right.count) where left[index] != right[index] {
            return utf16Rank(left[index]) < utf16Rank(right[index])
        }
        return left.count < right.count
    }

    /// EE and EF moved past F0–F4; every other byte keeps its place.
    private static func utf16Rank(_ byte: UInt8) -> UInt8 {
        byte == 0xEE || byte == 0xEF ? byte + 0x10 : byte
    }
}
