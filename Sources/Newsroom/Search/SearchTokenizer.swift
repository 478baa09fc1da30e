/// Splits text into the terms the index holds and a query looks up, exactly as `search.js`
/// does: folded (`SearchFolding`), cut into runs of letters and digits, elided articles and
/// pronouns dropped (`l'`, `d'`, `qu'` … before an apostrophe, straight or curly), one-letter
/// words and the commonest English and French words dropped, the rest stemmed (`SearchStemmer`).
///
/// It reads UTF-8 bytes: ASCII, most of any text, is folded and classified byte by byte, and
/// each other scalar once per tokenizer (folding a scalar on its own gives what folding the
/// whole text gives, since every combining mark is dropped and no ASCII scalar is changed by
/// the marks around it).
struct SearchTokenizer {
    /// Each non-ASCII scalar folded, with whether each scalar of the result belongs to a word.
    private var memo: [UInt32: [FoldedScalar]] = [:]

    /// The terms met so far and each word's term.
    private var numbers = SearchTermNumbers()

    /// The terms this tokenizer has met, by the numbers `forEachTerm` gives.
    var termTexts: [String] { numbers.texts }

    private struct FoldedScalar {
        var scalar: Unicode.Scalar
        var utf8: [UInt8]
        var isWord: Bool
    }

    /// Words that stand before an apostrophe in French (`l'exploitation`, `qu'il`).
    static let elisions: Set<String> = ["l", "d", "qu", "j", "n", "s", "t", "c", "m"]

    /// Words too common to find anything with; neither the index nor a query keeps them.
    static let stopWords: Set<String> = [
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
        "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with",
        "au", "aux", "ce", "ces", "dans", "de", "des", "du", "en", "est", "et", "il", "la", "le",
        "les", "leur", "ne", "ou", "par", "pas", "pour", "qui", "que", "sa", "se", "son", "sont",
        "sur", "un", "une",
    ]

    /// The longest stop word, in bytes: longer words are not looked up.
    private static let stopWordBytes = stopWords.map(\.utf8.count).max() ?? 0

    /// The folded words of `text`, before stop words and stemming (a query's last word is
    /// matched by prefix on this form).
    mutating func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// The terms of `text`, in order, repeats kept.
    mutating func terms(_ text: String) -> [String] {
        var found: [Int] = []
        forEachTerm(in: text) { found.append($0) }
        return found.map { termTexts[$0] }
    }

    /// Calls `body` with the number in `termTexts` of each term of `text`, in order.
    mutating func forEachTerm(in text: String, _ body: (Int) -> Void) {
        // Taken out while the words are read (`forEachWord` has `self`), put back after.
        var known = numbers
        numbers = SearchTermNumbers()
        forEachWord(in: text) { word in
            if let number = known.number(of: word) { body(number) }
        }
        numbers = known
    }

    /// A folded word's term, or nil for a word the index does not keep.
    static func term(_ word: String) -> String? {
        term(Array(word.utf8))
    }

    /// `term` on the word's UTF-8 bytes.
    static func term(_ word: [UInt8]) -> String? {
        // Scalars: every byte that does not continue a multi-byte one.
        let scalars = word.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        guard scalars > 1 else { return nil }
        if word.count <= stopWordBytes, stopWords.contains(String(decoding: word, as: UTF8.self)) { return nil }
        return SearchStemmer.stem(word, scalars: scalars)
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, elisions left out.
    private mutating func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Bytes of a word that had to be folded; a word already folded in the text (lower-case
        // ASCII, most words of prose) is handed over where it stands, without a copy.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if word.isEmpty, Self.isFoldedWordByte(byte) {
                        let start = index
                        index += 1
                        while index < bytes.count, Self.isFoldedWordByte(bytes[index]) { index += 1 }
                        let next = index < bytes.count ? bytes[index] : 0x20
                        if next < 0x80, !(0x41...0x5A).contains(next) {
                            Self.end(UnsafeBufferPointer(rebasing: bytes[start..<index]), before: UInt32(next), body)
                        } else {
                            word += bytes[start..<index]
                        }
                        continue
                    }
                    index += 1
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: word.append(byte)
                    case 0x41...0x5A: word.append(byte + 32)
                    default: Self.end(&word, before: UInt32(byte), body)
                    }
                    continue
                }
                let (scalar, length) = Self.decode(bytes, at: index)
                index += length
                for folded in fold(scalar) {
                    if folded.isWord {
                        word += folded.utf8
                    } else {
                        Self.end(&word, before: folded.scalar.value, body)
                    }
                }
            }
        }
        Self.end(&word, before: 0x20, body)
    }

    /// A lower-case ASCII letter or a digit: a byte folding leaves as it is, inside a word.
    private static func isFoldedWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Hands the word ended by `separator` to `body`, unless it is an elision, and empties it.
    private static func end(_ word: inout [UInt8], before separator: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !word.isEmpty else { return }
        word.withUnsafeBufferPointer { end($0, before: separator, body) }
        word.removeAll(keepingCapacity: true)
    }

    /// Hands `word`, ended by `separator`, to `body` unless it is an elision.
    private static func end(_ word: UnsafeBufferPointer<UInt8>, before separator: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let elided = (separator == 0x27 || separator == 0x2019) && word.count <= 2 && elisions.contains(String(decoding: word, as: UTF8.self))
        if !elided { body(word) }
    }

    private mutating func fold(_ scalar: Unicode.Scalar) -> [FoldedScalar] {
        if let known = memo[scalar.value] { return known }
        let folded = SearchFolding.foldScalar(scalar).unicodeScalars.map { FoldedScalar(scalar: $0, utf8: Array(String($0).utf8), isWord: SearchFolding.isWordScalar($0)) }
        memo[scalar.value] = folded
        return folded
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
