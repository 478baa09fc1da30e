import Foundation
import Testing
import TestSupport
@testable import Newsroom

/// The terms of bodies found while their pages render: an index built from them equals the one
/// tokenised from the bodies' text, and what cannot be kept is said so, not lost silently.
@Suite struct SearchBodyTermsTests {
    @Test(arguments: [1, 300, 2_000])
    func anIndexFromHandedTermsEqualsTheTokenisedOne(count: Int) {
        let documents = SearchIndexSpeedupTests.documents(count, seed: UInt64(count) + 7)
        let handed = SearchBodyTerms()
        // Every third body is not handed over: the index tokenises its text, as for a body
        // whose terms could not be kept.
        let records = documents.indices.map { $0 % 3 == 2 ? nil : handed.add(documents[$0].body) }
        #expect(records.compactMap { $0 }.count == count - count / 3)
        let found = handed.documents(records)
        let index = SearchIndex(documents) { number in
            guard let numbers = found[number]?.numbers else { return .text(documents[number].body) }
            return .terms(numbers, handed)
        }
        let plain = SearchIndexSpeedupTests.plainIndex(documents)
        #expect(index.terms == plain.terms)
        #expect(index.postings == plain.postings)
    }

    @Test func aBodyPastTheLimitIsNotKept() {
        let handed = SearchBodyTerms(bytesOnDisk: 40)
        let short = handed.add("lighthouse keepers")
        let long = handed.add((0..<50).map { "word\($0)" }.joined(separator: " "))
        #expect(short != nil)
        #expect(long == nil)
        let terms = handed.documents([short]).first??.numbers?.map(handed.text(of:))
        #expect(terms.map(Set.init) == Set(["lighthous", "keeper"]))
    }

    /// Records read back across the blocks written to the file and the one still in memory.
    @Test func scratchBytesReadBackAsAppended() throws {
        let file = ScratchFile(limit: 4 * ScratchFile.block)
        var random = SeededRandom(seed: 11)
        var appended: [(offset: Int, bytes: [UInt8])] = []
        var total = 0
        while total < 2 * ScratchFile.block + 1_000 {
            let bytes = (0..<random.int(0, 5_000)).map { _ in UInt8(random.int(0, 255)) }
            let offset = try #require(file.append(bytes))
            #expect(offset == total)
            appended.append((offset, bytes))
            total += bytes.count
        }
        for (offset, bytes) in appended.reversed() {
            #expect(file.read(offset..<(offset + bytes.count)) == bytes)
        }
        #expect(file.append([UInt8](repeating: 0, count: 3 * ScratchFile.block)) == nil)
    }
}
