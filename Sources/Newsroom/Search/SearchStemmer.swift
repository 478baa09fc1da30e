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
        var scalars = Array(word.unicodeScalars)
        guard scalars.count > 3 else { return word }
        func ends(_ suffix: String) -> Bool {
            let tail = Array(suffix.unicodeScalars)
            return scalars.count >= tail.count && Array(scalars.suffix(tail.count)) == tail
        }
        func replace(_ count: Int, with ending: String) {
            scalars.removeLast(count)
            scalars += ending.unicodeScalars
        }
        // 1. plurals
        if ends("ies"), scalars.count >= 5 {
            replace(3, with: "y")
        } else if ends("aux"), scalars.count >= 5 {
            replace(3, with: "al")
        } else if ends("sses") {
            replace(2, with: "")
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            replace(1, with: "")
        }
        // 2. verb endings
        if ends("ing"), scalars.count >= 7 {
            replace(3, with: "")
        } else if ends("ied"), scalars.count >= 5 {
            replace(3, with: "y")
        } else if ends("ed"), scalars.count >= 6 {
            replace(2, with: "")
        }
        // 3. a final e
        if ends("ee"), scalars.count >= 5 {
            replace(2, with: "")
        } else if ends("e"), scalars.count >= 4 {
            replace(1, with: "")
        }
        var result = String()
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
