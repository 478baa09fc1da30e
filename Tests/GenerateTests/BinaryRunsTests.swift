import Foundation
import Testing
@testable import Newsroom

/// The state's dictionaries encoded a run at a time on all cores (`BinaryWriter.append`): the
/// bytes read back as what was written, whatever runs the entries fell into.
@Suite struct BinaryRunsTests {
    /// More entries than one round of runs holds, so some runs start in a later round.
    static let count = 10_000
    /// Enough bytes per entry that the whole is more than a megabyte.
    static let padding = String(repeating: "x", count: 100)

    @Test func everyEntryReadsBackInTheDictionarysOrder() {
        let entries = Dictionary(uniqueKeysWithValues: (0..<Self.count).map { ("news/item-\($0)/index.html", UInt64($0) * 7) })
        var writer = BinaryWriter()
        var flushed: [UInt8] = []
        writer.append(entries, flush: { writer in
            flushed += writer.data
            writer.data.removeAll(keepingCapacity: true)
        }) { writer, path, value in
            writer.string(path)
            writer.uint(value)
            writer.string(Self.padding)
        }
        #expect(!flushed.isEmpty, "a megabyte or more is handed to flush as it is made")
        var reader = BinaryReader(bytes: flushed + writer.data)
        var order: [String] = []
        for _ in 0..<Self.count {
            guard let path = reader.string(), let value = reader.uint(), reader.string() == Self.padding else { break }
            #expect(entries[path] == value)
            order.append(path)
        }
        #expect(order == Array(entries.keys))
        #expect(reader.isAtEnd)
    }

    /// Each run refers back only to locations it wrote, and a location written after the runs
    /// does not refer to one written before them.
    @Test func locationsReadBackAcrossRuns() {
        let files = (0..<Self.count).map { "content/news/item-\($0 / 3).md" }
        let entries = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($0.offset, $0.element) })
        let before = SourceLocation(path: "site.yml", line: 2, column: 3)
        var writer = BinaryWriter()
        writer.location(before)
        writer.append(entries, flush: { _ in }) { writer, number, path in
            writer.int(number)
            writer.location(SourceLocation(path: path, line: number, column: 1))
            writer.location(SourceLocation(path: path, line: number, column: 2))
        }
        writer.location(before)
        var reader = BinaryReader(bytes: writer.data)
        #expect(reader.location() == before)
        for _ in 0..<Self.count {
            guard let number = reader.int() else { break }
            #expect(reader.location() == SourceLocation(path: files[number], line: number, column: 1))
            #expect(reader.location() == SourceLocation(path: files[number], line: number, column: 2))
        }
        #expect(reader.location() == before)
        #expect(reader.isAtEnd)
    }

    /// The work hands its result over: freed where the caller lets go of it, not with the work.
    @Test func waitingHandsTheResultOver() {
        final class Held {}
        let work = BackgroundWork { Held() }
        weak var held: Held?
        do {
            let value = work.wait()
            held = value
        }
        #expect(held == nil)
        withExtendedLifetime(work) {}
    }
}
