/// The inverted index of one part: every term, in the order JavaScript sorts strings (UTF-16
/// code units, so `search.js` can binary-search the list for a prefix), with the documents
/// holding it. A posting is `document × 2 + 1` when the term is in the title or a tag (ranked
/// above the body), `document × 2` otherwise; documents are numbered in the part's order.
struct SearchIndex: Sendable {
    var documents: [SearchDocument]
    var terms: [String]
    var postings: [[Int]]

    init(_ documents: [SearchDocument]) {
        self.documents = documents
        // Tokenising is the costly part: on every core, a run of documents per task so that
        // each tokenizer's words repeat, merged in order below.
        let run = 64
        let tokenised = ParallelMap.run((documents.count + run - 1) / run) { task -> [(heading: Set<String>, body: Set<String>)] in
            var tokenizer = SearchTokenizer()
            return documents[(task * run)..<min(documents.count, task * run + run)].map { document in
                let heading = Set(tokenizer.terms(document.title + " " + document.tags.joined(separator: " ")))
                let body = Set(tokenizer.terms(document.summary + " " + document.body)).subtracting(heading)
                return (heading, body)
            }
        }.flatMap { $0 }
        var byTerm: [String: [Int]] = [:]
        for (number, terms) in tokenised.enumerated() {
            for term in terms.heading { byTerm[term, default: []].append(number * 2 + 1) }
            for term in terms.body { byTerm[term, default: []].append(number * 2) }
        }
        terms = byTerm.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        postings = terms.map { byTerm[$0]! }
    }
}
