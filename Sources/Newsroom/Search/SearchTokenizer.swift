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
    private var memo: [UInt32: [(scalar: Unicode.Scalar, isWord: Bool)]] = [:]

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

    /// The folded words of `text`, before stop words and stemming (a query's last word is
    /// matched by prefix on this form).
    mutating func words(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func end(before separator: UInt32) {
            guard !word.isEmpty else { return }
            let found = String(decoding: word, as: UTF8.self)
            word.removeAll(keepingCapacity: true)
            if separator == 0x27 || separator == 0x2019, Self.elisions.contains(found) { return }
            words.append(found)
        }
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: word.append(byte)
                    case 0x41...0x5A: word.append(byte + 32)
                    default: end(before: UInt32(byte))
                    }
                    continue
                }
                let (scalar, length) = Self.decode(bytes, at: index)
                index += length
                for folded in fold(scalar) {
                    if folded.isWord {
                        word += String(folded.scalar).utf8
                    } else {
                        end(before: folded.scalar.value)
                    }
                }
            }
            end(before: 0x20)
        }
        return words
    }

    /// The terms of `text`, in order, repeats kept.
    mutating func terms(_ text: String) -> [String] {
        words(text).compactMap(Self.term)
    }

    /// A folded word's term, or nil for a word the index does not keep.
    static func term(_ word: String) -> String? {
        guard word.unicodeScalars.count > 1, !stopWords.contains(word) else { return nil }
        return SearchStemmer.stem(word)
    }

    private mutating func fold(_ scalar: Unicode.Scalar) -> [(scalar: Unicode.Scalar, isWord: Bool)] {
        if let known = memo[scalar.value] { return known }
        let folded = SearchFolding.foldScalar(scalar).unicodeScalars.map { ($0, SearchFolding.isWordScalar($0)) }
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
