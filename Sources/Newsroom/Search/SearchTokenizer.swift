/// Splits text into the terms the index holds and a query looks up, exactly as `search.js`
/// does: cut into folded words (`SearchWordScanner`: folding, runs of letters and digits,
/// elisions), one-letter words and the commonest English and French words dropped, the rest
/// stemmed (`SearchStemmer`).
struct SearchTokenizer {
    private var scanner = SearchWordScanner()
    /// The terms met so far, and the numbers of those of the text being read.
    private var found = FoundTerms()

    /// The terms this tokenizer has met, by the numbers `appendTerms` gives.
    var termTexts: [String] { found.numbers.texts }

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
        var words = WordList()
        scanner.scan(text, into: &words)
        return words.words
    }

    /// The terms of `text`, in order, repeats kept.
    mutating func terms(_ text: String) -> [String] {
        var numbers: [Int32] = []
        appendTerms(of: text, to: &numbers)
        return numbers.map { termTexts[Int($0)] }
    }

    /// Appends the number in `termTexts` of each term of `text` to `numbers`, in order.
    mutating func appendTerms(of text: String, to numbers: inout [Int32]) {
        scanner.scan(text, into: &found)
        numbers += found.ofText
        found.ofText.removeAll(keepingCapacity: true)
    }

    /// The number in `termTexts` of `term`, a term as `terms` gives it (found in a body
    /// elsewhere), numbered now if this tokenizer has not met it.
    mutating func number(ofTerm term: String) -> Int32 {
        Int32(found.numbers.number(ofTerm: term))
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

    /// Each word's term number, kept for the words of the text being read.
    private struct FoundTerms: SearchWordSink {
        var numbers = SearchTermNumbers()
        var ofText: [Int32] = []

        mutating func take(_ word: UnsafeBufferPointer<UInt8>) {
            if let number = numbers.number(of: word) { ofText.append(Int32(number)) }
        }
    }

    private struct WordList: SearchWordSink {
        var words: [String] = []

        mutating func take(_ word: UnsafeBufferPointer<UInt8>) {
            words.append(String(decoding: word, as: UTF8.self))
        }
    }
}
