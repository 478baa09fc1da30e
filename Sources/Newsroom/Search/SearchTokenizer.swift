/// Splits text into the terms the index holds and a query looks up, exactly as `search.js`
/// does: folded (`SearchFolding`), cut into runs of letters and digits, elided articles and
/// pronouns dropped (`l'`, `d'`, `qu'` … before an apostrophe, straight or curly), one-letter
/// words and the commonest English and French words dropped, the rest stemmed (`SearchStemmer`).
struct SearchTokenizer {
    private var folding = SearchFolding()

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
        let folded = folding.fold(text)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = folded.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if SearchFolding.isWordScalar(scalar) {
                current.append(scalar)
                continue
            }
            if !current.isEmpty {
                let word = String(current)
                current = String.UnicodeScalarView()
                if (scalar == "'" || scalar == "\u{2019}"), Self.elisions.contains(word) { continue }
                words.append(word)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
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
}
