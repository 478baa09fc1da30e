import NewsroomMarkdown
import Synchronization

/// The search terms of bodies parsed for their pages and not kept (past `BodyStore`'s budget),
/// found while the page renders, so the search index does not read and parse them again.
///
/// A body's terms are the same whichever tokenizer reads it, so each is numbered once for the
/// whole build and a body is held as its terms' numbers, sorted, each as its distance from the
/// one before in the state file's variable-length integers (`BinaryWriter.int`): a few hundred
/// bytes a body. At 100,000 items that
/// is still more than the memory the build can spare, so the records go to a `ScratchFile` and
/// are read back one search part at a time.
final class SearchBodyTerms: BodyHandOver {
    /// The most bytes of records kept; a body past it is read again by the search index.
    static let bytesOnDisk = 512 << 20

    /// Every term a body held, by number.
    private let numbering = Mutex<(texts: [String], numbers: [String: Int32])>(([], [:]))
    /// Tokenizers between bodies, each with what it has learnt (see `Reader`).
    private let readers = Mutex<[Reader]>([])
    private let file: ScratchFile

    /// Where each record is in the file, by the number `add` gave it: its offset × 2²⁴ + its
    /// length (one number, as at 100,000 bodies a pair of them cost a megabyte more).
    private let records = Mutex<[UInt64]>([])

    init(bytesOnDisk: Int = SearchBodyTerms.bytesOnDisk) {
        file = ScratchFile(limit: bytesOnDisk)
    }

    func take(_ parsed: ParsedMarkdown) -> UInt32? {
        add(parsed.plainText())
    }

    /// Keeps the terms of `text`, a body's plain text; returns the number to read them back
    /// with, or nil when they could not be kept.
    func add(_ text: String) -> UInt32? {
        var reader = readers.withLock { $0.popLast() } ?? Reader()
        let record = reader.record(of: text, numbering: numbering)
        readers.withLock { $0.append(reader) }
        guard record.count < 1 << 24, let offset = file.append(record) else { return nil }
        return records.withLock { records -> UInt32? in
            guard records.count < UInt32.max else { return nil }
            records.append(UInt64(offset) << 24 | UInt64(record.count))
            return UInt32(records.count - 1)
        }
    }

    /// The text of the term numbered `number` in what `Document.numbers` gives.
    func text(of number: Int32) -> String {
        numbering.withLock { $0.texts[Int(number)] }
    }

    /// The records numbered `wanted` (nil for none), read together: the bodies of one part
    /// render one after the other, so their records are mostly side by side in the file.
    func documents(_ wanted: [UInt32?]) -> [Document?] {
        let places = records.withLock { records in
            wanted.map { $0.map { (offset: Int(records[Int($0)] >> 24), count: Int(records[Int($0)] & 0xFF_FFFF)) } }
        }
        let order = places.indices.filter { places[$0] != nil }.sorted { places[$0]!.offset < places[$1]!.offset }
        var found = [Document?](repeating: nil, count: wanted.count)
        var start = 0
        while start < order.count {
            // One read for records close together, a span of at most a block or so.
            let first = places[order[start]]!.offset
            var end = start, upper = first
            while end < order.count, places[order[end]]!.offset - first < ScratchFile.block {
                upper = max(upper, places[order[end]]!.offset + Int(places[order[end]]!.count))
                end += 1
            }
            if let bytes = file.read(first..<upper) {
                for index in order[start..<end] {
                    let offset = places[index]!.offset - first
                    found[index] = Document(bytes: bytes, range: offset..<(offset + Int(places[index]!.count)))
                }
            }
            start = end
        }
        return found
    }

    /// One body's record.
    struct Document: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let range: Range<Int>

        /// The numbers of the body's terms, ascending, each once; nil for a damaged record.
        var numbers: [Int32]? {
            var numbers: [Int32] = []
            var reader = BinaryReader(bytes: bytes)
            reader.offset = range.lowerBound
            var last = -1
            while reader.offset < range.upperBound {
                guard let gap = reader.int(), gap >= 0, reader.offset <= range.upperBound else { return nil }
                last += gap + 1
                guard last <= Int(Int32.max) else { return nil }
                numbers.append(Int32(last))
            }
            return numbers
        }
    }

    /// A tokenizer with the build-wide number of each of its own term numbers, so a body's
    /// words are looked up in the shared numbering only the first time the tokenizer meets them.
    private struct Reader: Sendable {
        var tokenizer = SearchTokenizer()
        /// The shared number of the tokenizer's term `n`.
        var shared: [Int32] = []
        /// The last body that held the tokenizer's term `n`: a set without a set per body.
        var lastBody: [Int] = []
        var bodies = 0
        var found: [Int32] = []
        var numbers: [Int32] = []

        mutating func record(of text: String, numbering: borrowing Mutex<(texts: [String], numbers: [String: Int32])>) -> [UInt8] {
            found.removeAll(keepingCapacity: true)
            tokenizer.appendTerms(of: text, to: &found)
            let texts = tokenizer.termTexts
            if shared.count < texts.count {
                let new = shared.count..<texts.count
                shared += numbering.withLock { numbering in
                    new.map { term in
                        if let number = numbering.numbers[texts[term]] { return number }
                        let number = Int32(numbering.texts.count)
                        numbering.texts.append(texts[term])
                        numbering.numbers[texts[term]] = number
                        return number
                    }
                }
            }
            // Each term once, then sorted: a body repeats most of its words.
            bodies += 1
            lastBody += repeatElement(0, count: shared.count - lastBody.count)
            numbers.removeAll(keepingCapacity: true)
            for term in found where lastBody[Int(term)] != bodies {
                lastBody[Int(term)] = bodies
                numbers.append(shared[Int(term)])
            }
            numbers.sort()
            var writer = BinaryWriter()
            writer.data.reserveCapacity(numbers.count * 2)
            var last: Int32 = -1
            for number in numbers {
                writer.int(Int(number - last - 1))
                last = number
            }
            return writer.data
        }
    }
}
