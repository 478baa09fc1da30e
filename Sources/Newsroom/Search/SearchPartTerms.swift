import Foundation

/// The terms of every document of one part, each document under a key of the text it was
/// tokenised from (`SearchIndexFiles.termKey`): what a rebuild needs to index an unchanged item
/// again without reading its body. Everything the index holds about a document is here, the
/// set of its terms and, for each, whether it is in the title or a tag.
struct SearchPartTerms: Sendable, Equatable {
    /// The part's terms, each once.
    var terms: [String]
    /// Each document's key, in the part's order.
    var keys: [UInt64]
    /// The entries of document `n` are `entries[starts[n]..<starts[n + 1]]`.
    var starts: [Int]
    /// A term's index in `terms` × 2, + 1 when the term is in the title or a tag.
    var entries: [UInt32]

    init(terms: [String], keys: [UInt64], starts: [Int], entries: [UInt32]) {
        self.terms = terms
        self.keys = keys
        self.starts = starts
        self.entries = entries
    }

    /// The terms of each document of `index`, which holds the documents with `keys` in order;
    /// the terms are the index's, in its order.
    init(of index: SearchIndex, keys: [UInt64]) {
        terms = index.terms
        self.keys = keys
        // The index lists documents per term; this turns it around with a counting sort.
        var starts = [Int](repeating: 0, count: keys.count + 1)
        for term in index.terms.indices {
            for posting in index.postings(of: term) { starts[Int(posting >> 1) + 1] += 1 }
        }
        for document in 1..<starts.count { starts[document] += starts[document - 1] }
        var next = starts
        var entries = [UInt32](repeating: 0, count: starts.last ?? 0)
        for term in index.terms.indices {
            for posting in index.postings(of: term) {
                let document = Int(posting >> 1)
                entries[next[document]] = UInt32(term) << 1 | UInt32(posting & 1)
                next[document] += 1
            }
        }
        self.starts = starts
        self.entries = entries
    }

    /// The entries of the document at `index` of `keys`.
    func entries(of index: Int) -> ArraySlice<UInt32> {
        entries[starts[index]..<starts[index + 1]]
    }

    /// Where `term` is in `terms`, or where it would go, found by halving: `terms` is in the
    /// index's order (`SearchTermOrder`).
    func place(of term: String) -> (index: Int, found: Bool) {
        let low = terms.insertionIndex { SearchTermOrder.precedes($0, term) }
        return (low, low < terms.count && terms[low] == term)
    }

    /// Each key's document, the first one when two documents share it.
    func documentsByKey() -> [UInt64: Int] {
        var documents: [UInt64: Int] = [:]
        documents.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() where documents[key] == nil { documents[key] = index }
        return documents
    }
}

extension SearchPartTerms {
    /// Changed whenever the layout below changes: an entry of another layout is not read.
    private static let magic = Array("newsroom-search-terms 2\n".utf8)

    /// The terms as bytes, each list as one block of little-endian numbers: the number of terms,
    /// their lengths, their UTF-8 end to end; the number of documents, their keys, their entry
    /// counts, their entries end to end.
    var encoded: Data {
        var bytes = Self.magic
        bytes.reserveCapacity(Self.magic.count + terms.count * 12 + keys.count * 12 + entries.count * 4)
        func append<Number: FixedWidthInteger>(_ numbers: [Number]) {
            numbers.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
        }
        append([UInt32(terms.count)])
        append(terms.map { UInt32($0.utf8.count) })
        for term in terms { bytes.append(contentsOf: term.utf8) }
        append([UInt32(keys.count)])
        append(keys)
        append(keys.indices.map { UInt32(starts[$0 + 1] - starts[$0]) })
        append(entries)
        return Data(bytes)
    }

    /// What `encoded` wrote; nil for bytes of another layout, cut short, with terms out of the
    /// index's order, or naming a term that is not there.
    init?(decoding data: Data) {
        let read = data.withUnsafeBytes { raw -> SearchPartTerms? in
            var offset = Self.magic.count
            guard raw.count >= offset, raw.prefix(offset).elementsEqual(Self.magic) else { return nil }
            func block<Number: FixedWidthInteger>(_ count: Int, of _: Number.Type) -> [Number]? {
                let size = count * MemoryLayout<Number>.size
                guard count >= 0, offset + size <= raw.count else { return nil }
                let numbers = [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + size)]))
                    initialized = count
                }
                offset += size
                return numbers.map(Number.init(littleEndian:))
            }
            guard let termCount = block(1, of: UInt32.self)?.first, let lengths = block(Int(termCount), of: UInt32.self) else { return nil }
            var terms: [String] = []
            terms.reserveCapacity(lengths.count)
            for length in lengths {
                guard offset + Int(length) <= raw.count else { return nil }
                terms.append(String(decoding: raw[offset..<(offset + Int(length))], as: UTF8.self))
                offset += Int(length)
            }
            for index in terms.indices.dropFirst() where !SearchTermOrder.precedes(terms[index - 1], terms[index]) { return nil }
            guard let documentCount = block(1, of: UInt32.self)?.first,
                  let keys = block(Int(documentCount), of: UInt64.self),
                  let counts = block(Int(documentCount), of: UInt32.self) else { return nil }
            var starts = [0]
            starts.reserveCapacity(counts.count + 1)
            for count in counts { starts.append(starts[starts.count - 1] + Int(count)) }
            guard let entries = block(starts[starts.count - 1], of: UInt32.self), offset == raw.count,
                  entries.allSatisfy({ Int($0 >> 1) < terms.count }) else { return nil }
            return SearchPartTerms(terms: terms, keys: keys, starts: starts, entries: entries)
        }
        guard let read else { return nil }
        self = read
    }
}
