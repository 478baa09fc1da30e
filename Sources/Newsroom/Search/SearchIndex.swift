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

    init(_ documents: [SearchDocument]) {
        self.documents = documents
        // Tokenising is the costly part: on every core, a long run of documents per task so that
        // each tokenizer learns its words once and meets them again and again (a split index
        // also builds its parts side by side); runs are merged in document order below.
        let run = max(256, (documents.count + 3) / 4)
        let runs = ParallelMap.run((documents.count + run - 1) / run) { task in
            SearchRunPostings(documents, numbers: (task * run)..<min(documents.count, task * run + run))
        }
        // One number per distinct term across runs, then the numbers ranked in sorted order.
        var numberOfTerm: [String: Int] = [:]
        var texts: [String] = []
        let globalNumbers = runs.map { run in
            run.terms.map { term -> Int in
                if let known = numberOfTerm[term] { return known }
                numberOfTerm[term] = texts.count
                texts.append(term)
                return texts.count - 1
            }
        }
        let order = texts.indices.sorted { SearchTermOrder.precedes(texts[$0], texts[$1]) }
        var rank = [Int](repeating: 0, count: texts.count)
        for (position, number) in order.enumerated() { rank[number] = position }
        terms = order.map { texts[$0] }
        // A counting sort by rank; runs are in document order and each run's postings too, so
        // every term's postings come out ascending.
        var starts = [Int](repeating: 0, count: texts.count + 1)
        for (run, numbers) in zip(runs, globalNumbers) {
            for term in run.postingTerms { starts[rank[numbers[Int(term)]] + 1] += 1 }
        }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var values = [Int32](repeating: 0, count: starts.last ?? 0)
        for (run, numbers) in zip(runs, globalNumbers) {
            for (term, posting) in zip(run.postingTerms, run.postings) {
                let position = rank[numbers[Int(term)]]
                values[next[position]] = posting
                next[position] += 1
            }
        }
        postingValues = values
        postingStarts = starts
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
