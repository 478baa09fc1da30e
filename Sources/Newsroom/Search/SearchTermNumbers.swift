/// The terms one tokenizer has met, numbered in the order it met them, and the number of each
/// word it has read: a tokenizer reading many documents meets most words again and again, and
/// the index counts documents per number, turning numbers back into text once per term.
struct SearchTermNumbers {
    /// The terms, by number.
    private(set) var texts: [String] = []
    /// Each folded word's term number, -1 for a word the index does not keep.
    private var numberOfWord = SearchWordTable()
    /// Each term's number: several words share one ("courts" and "court").
    private var numberOfTerm: [String: Int] = [:]

    /// The term number of a folded word given as UTF-8 bytes; nil when the index does not keep it.
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        if let known = numberOfWord.value(of: word) { return known >= 0 ? known : nil }
        guard let term = SearchTokenizer.term(Array(word)) else {
            numberOfWord.insert(word, value: -1)
            return nil
        }
        let number = number(ofTerm: term)
        numberOfWord.insert(word, value: number)
        return number
    }

    /// The number of `term`, given a new one when it has none yet.
    mutating func number(ofTerm term: String) -> Int {
        if let shared = numberOfTerm[term] { return shared }
        texts.append(term)
        numberOfTerm[term] = texts.count - 1
        return texts.count - 1
    }
}
