/// A light stemmer for English and French, small enough to be written the same way in
/// `search.js`: it only cuts or swaps a few endings, so a word and its plural, its feminine or
/// its -ing/-ed form meet on one stem. Lengths count Unicode scalars (code points in
/// JavaScript), and every ending it looks at is ASCII. The steps, in order:
/// 1. plurals: -ies → -y, -aux → -al, -sses → -ss, else a final -s that does not end -ss, -us, -is;
/// 2. -ing and -ed when at least four letters stay, -ied → -y;
/// 3. a final -ee or -e when at least three letters stay (French feminine, English silent e).
/// Words of three letters or fewer are left alone.
enum SearchStemmer {
    /// The stem of a folded word.
    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        // Scalars: every byte that does not continue a multi-byte one.
        return stem(bytes, scalars: bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 })
    }

    /// The stem of a folded word given as UTF-8 bytes, with its count of scalars.
    static func stem(_ word: [UInt8], scalars: Int) -> String {
        var bytes = word
        var count = scalars
        guard count > 3 else { return String(decoding: bytes, as: UTF8.self) }
        func ends(_ suffix: StaticString) -> Bool {
            let tail = suffix.utf8CodeUnitCount
            guard bytes.count >= tail else { return false }
            let start = bytes.count - tail
            for offset in 0..<tail where bytes[start + offset] != suffix.utf8Start[offset] { return false }
            return true
        }
        func replace(_ cut: Int, with ending: StaticString) {
            bytes.removeLast(cut)
            bytes += UnsafeBufferPointer(start: ending.utf8Start, count: ending.utf8CodeUnitCount)
            count += ending.utf8CodeUnitCount - cut
        }
        // 1. plurals
        if ends("ies"), count >= 5 {
            replace(3, with: "y")
        } else if ends("aux"), count >= 5 {
            replace(3, with: "al")
        } else if ends("sses") {
            replace(2, with: "")
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            replace(1, with: "")
        }
        // 2. verb endings
        if ends("ing"), count >= 7 {
            replace(3, with: "")
        } else if ends("ied"), count >= 5 {
            replace(3, with: "y")
        } else if ends("ed"), count >= 6 {
            replace(2, with: "")
        }
        // 3. a final e
        if ends("ee"), count >= 5 {
            replace(2, with: "")
        } else if ends("e"), count >= 4 {
            replace(1, with: "")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
