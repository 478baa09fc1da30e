/// The postings of a run of documents, tokenised by one tokenizer: pairs of (term number in
/// `terms`, posting), in document order, each term at most once per document.
struct SearchRunPostings: Sendable {
    /// The run's terms, by the numbers in `postingTerms`.
    let terms: [String]
    let postingTerms: [Int32]
    /// `document × 2 + 1` for a title or tag term, `document × 2` for a body-only one.
    let postings: [Int32]

    /// The postings of the documents at `numbers`, ascending; `body` gives document `n`'s body
    /// when it is tokenised (so only the run's current body need be in memory).
    init(_ documents: [SearchDocument], numbers: some Sequence<Int>, body: (Int) -> SearchBody) {
        var tokenizer = SearchTokenizer()
        var recorded = Recorded()
        // This run's number + 1 of each term handed over by its number there, 0 until met.
        var handedNumbers: [Int32] = []
        // Term numbers of one document, kept between documents for their capacity.
        var heading: [Int32] = []
        var rest: [Int32] = []
        for number in numbers {
            let document = documents[number]
            heading.removeAll(keepingCapacity: true)
            rest.removeAll(keepingCapacity: true)
            tokenizer.appendTerms(of: document.title, to: &heading)
            for tag in document.tags { tokenizer.appendTerms(of: tag, to: &heading) }
            tokenizer.appendTerms(of: document.summary, to: &rest)
            switch body(number) {
            case .text(let text): tokenizer.appendTerms(of: text, to: &rest)
            case .terms(let numbers, let handed):
                for term in numbers {
                    let index = Int(term)
                    if index >= handedNumbers.count { handedNumbers += repeatElement(0, count: index + 1 - handedNumbers.count) }
                    if handedNumbers[index] == 0 { handedNumbers[index] = tokenizer.number(ofTerm: handed.text(of: term)) + 1 }
                    rest.append(handedNumbers[index] - 1)
                }
            }
            // Heading terms first, so a term in the title or a tag and in the body is a heading one.
            recorded.add(heading, document: number, heading: true)
            recorded.add(rest, document: number, heading: false)
        }
        terms = tokenizer.termTexts
        postingTerms = recorded.terms
        postings = recorded.postings
    }

    private struct Recorded {
        /// The last document each term was recorded for: a set without a set per document.
        var lastDocument: [Int] = []
        var terms: [Int32] = []
        var postings: [Int32] = []

        mutating func add(_ found: [Int32], document: Int, heading: Bool) {
            let posting = Int32(document * 2 + (heading ? 1 : 0))
            for term in found {
                let term = Int(term)
                // Numbers are handed out one by one: a term not seen yet is past the end.
                while term >= lastDocument.count { lastDocument.append(-1) }
                guard lastDocument[term] != document else { continue }
                lastDocument[term] = document
                terms.append(Int32(term))
                postings.append(posting)
            }
        }
    }
}
