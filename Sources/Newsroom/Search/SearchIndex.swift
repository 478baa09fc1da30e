/// The inverted index of one part: every term, in the order JavaScript sorts strings (UTF-16
/// code units, so `search.js` can binary-search the list for a prefix), with the documents
/// holding it. A posting is `document × 2 + 1` when the term is in the title or a tag (ranked
/// above the body), `document × 2` otherwise; documents are numbered in the part's order.
struct SearchIndex: Sendable {
    var documents: [SearchDocument]
    var terms: [String]
    /// Every term's postings end to end, term after term: those of term `n` are
    /// `postingValues[postingStarts[n]..<postingStarts[n + 1]]`, ascending.
    private(set) var postingValues: [Int32]
    private(set) var postingStarts: [Int]

    /// Every document tokenised: the index with no terms known from a previous build (see
    /// `init(_:known:body:)`, which says what `body` is).
    init(_ documents: [SearchDocument], body: ((Int) -> SearchBody)? = nil) {
        let none = SearchPartTerms(terms: [], keys: [], starts: [0], entries: [])
        self.init(documents, known: KnownTerms(terms: none, documents: Array(repeating: nil, count: documents.count)), body: body)
    }

    /// An index put together elsewhere: `terms` in index order, each term's postings ascending.
    init(documents: [SearchDocument], terms: [String], postingValues: [Int32], postingStarts: [Int]) {
        self.documents = documents
        self.terms = terms
        self.postingValues = postingValues
        self.postingStarts = postingStarts
    }

    /// The postings of the term at `index` of `terms`.
    func postings(of index: Int) -> ArraySlice<Int32> {
        postingValues[postingStarts[index]..<postingStarts[index + 1]]
    }

    /// Every term's postings, in the order of `terms`.
    var postings: [[Int]] {
        terms.indices.map { postings(of: $0).map(Int.init) }
    }
}
