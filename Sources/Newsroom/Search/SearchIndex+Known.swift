extension SearchIndex {
    /// Terms a previous build found for some of a part's documents: `documents[n]` is document
    /// `n`'s index among `terms.keys`, nil for a document to tokenise.
    struct KnownTerms: Sendable {
        var terms: SearchPartTerms
        var documents: [Int?]
    }

    /// The index of `documents` where `known` holds the terms of some: those are counted from
    /// their entries by number, with no text read and no string compared, and only the others
    /// are tokenised (a known document's text may be left empty). The known terms are in index
    /// order already, so only the terms new to the part are sorted and put in among them.
    ///
    /// `body` gives a tokenised document's body, by its number, when it is tokenised: a part's
    /// bodies are then made one at a time on each core instead of held all at once. Without it,
    /// the documents' own `body`.
    init(_ documents: [SearchDocument], known: KnownTerms, body: ((Int) -> SearchBody)? = nil) {
        let table = known.terms
        let unknown = documents.indices.filter { known.documents[$0] == nil }
        // Tokenising is the costly part: on every core, a long run of documents per task so that
        // each tokenizer learns its words once and meets them again and again (a split index
        // also builds its parts side by side); runs are merged in document order below.
        let run = max(256, (unknown.count + 3) / 4)
        let runs = ParallelMap.run((unknown.count + run - 1) / run) { task in
            SearchRunPostings(documents, numbers: unknown[(task * run)..<min(unknown.count, task * run + run)], body: body ?? { .text(documents[$0].body) })
        }
        // A number per term: a known term's index in the table, a new term's past the table.
        var newTerms: [(text: String, place: Int)] = []
        var numberOfNew: [String: Int] = [:]
        let numbers = runs.map { run in
            run.terms.map { term -> Int in
                let (place, found) = table.place(of: term)
                if found { return place }
                if let number = numberOfNew[term] { return number }
                numberOfNew[term] = table.terms.count + newTerms.count
                newTerms.append((term, place))
                return table.terms.count + newTerms.count - 1
            }
        }
        var counts = [Int](repeating: 0, count: table.terms.count + newTerms.count)
        for case let index? in known.documents {
            for entry in table.entries(of: index) { counts[Int(entry >> 1)] += 1 }
        }
        for (run, numbers) in zip(runs, numbers) {
            for term in run.postingTerms { counts[numbers[Int(term)]] += 1 }
        }
        // Each new term goes before the known term at its place; terms no document holds any
        // more (those of a changed item) are left out.
        let newOrder = newTerms.indices.sorted {
            newTerms[$0].place != newTerms[$1].place
                ? newTerms[$0].place < newTerms[$1].place
                : SearchTermOrder.precedes(newTerms[$0].text, newTerms[$1].text)
        }
        var rank = [Int](repeating: -1, count: counts.count)
        var terms: [String] = []
        var starts = [0]
        func add(_ number: Int, _ text: String) {
            guard counts[number] > 0 else { return }
            rank[number] = terms.count
            terms.append(text)
            starts.append(starts[starts.count - 1] + counts[number])
        }
        var nextNew = 0
        for place in 0...table.terms.count {
            while nextNew < newOrder.count, newTerms[newOrder[nextNew]].place == place {
                add(table.terms.count + newOrder[nextNew], newTerms[newOrder[nextNew]].text)
                nextNew += 1
            }
            if place < table.terms.count { add(place, table.terms[place]) }
        }
        // Postings in document order, so each term's come out ascending; a tokenised document's
        // are next in its run, since runs hold the unknown documents in order.
        var next = starts
        var values = [Int32](repeating: 0, count: starts[starts.count - 1])
        var cursors = [Int](repeating: 0, count: runs.count)
        var unknownSeen = 0
        for document in documents.indices {
            if let index = known.documents[document] {
                for entry in table.entries(of: index) {
                    let position = rank[Int(entry >> 1)]
                    values[next[position]] = Int32(document * 2) | Int32(entry & 1)
                    next[position] += 1
                }
                continue
            }
            let task = unknownSeen / run
            unknownSeen += 1
            let postings = runs[task].postings
            while cursors[task] < postings.count, Int(postings[cursors[task]] >> 1) == document {
                let position = rank[numbers[task][Int(runs[task].postingTerms[cursors[task]])]]
                values[next[position]] = postings[cursors[task]]
                next[position] += 1
                cursors[task] += 1
            }
        }
        self.init(documents: documents, terms: terms, postingValues: values, postingStarts: starts)
    }
}
