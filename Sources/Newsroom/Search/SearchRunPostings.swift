/// The postings of a run of documents, tokenised by one tokenizer: pairs of (term number in
/// `terms`, posting), in document order, each term at most once per document.
struct SearchRunPostings: Sendable {
    /// The run's terms, by the numbers in `postingTerms`.
    let terms: [String]
    let postingTerms: [Int32]
    /// `document × 2 + 1` for a title or tag term, `document × 2` for a body-only one.
    let postings: [Int32]

    /// The postings of the documents at `numbers`, ascending; `body` gives document `n`'s body
    /// text when it is tokenised (so only the run's current body need be in memory).
    init(_ documents: [SearchDocument], numbers: some Sequence<Int>, body: (Int) -> String) {
        var tokenizer = SearchTokenizer()
        // The last document each term was recorded for: a set without a set per document.
        var recordedFor: [Int] = []
        var postingTerms: [Int32] = []
        var postings: [Int32] = []
        func record(_ term: Int, document: Int, heading: Bool) {
            // Numbers are handed out one by one: a new term is the next one.
            if term == recordedFor.count { recordedFor.append(-1) }
            guard recordedFor[term] != document else { return }
            recordedFor[term] = document
            postingTerms.append(Int32(term))
            postings.append(Int32(document * 2 + (heading ? 1 : 0)))
        }
        for number in numbers {
            let document = documents[number]
            // Heading terms first, so a term in the title or a tag and in the body is a heading one.
            tokenizer.forEachTerm(in: document.title) { record($0, document: number, heading: true) }
            for tag in document.tags {
                tokenizer.forEachTerm(in: tag) { record($0, document: number, heading: true) }
            }
            tokenizer.forEachTerm(in: document.summary) { record($0, document: number, heading: false) }
            tokenizer.forEachTerm(in: body(number)) { record($0, document: number, heading: false) }
        }
        terms = tokenizer.termTexts
        self.postingTerms = postingTerms
        self.postings = postings
    }
}
