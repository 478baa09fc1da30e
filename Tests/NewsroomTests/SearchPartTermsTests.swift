import Foundation
import Testing
import TestSupport
@testable import Newsroom

/// The terms of a part's documents kept between builds: an index built partly from them equals
/// the index tokenised from every text, and they read back exactly as written.
@Suite struct SearchPartTermsTests {
    static func keys(_ count: Int) -> [UInt64] {
        (0..<count).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
    }

    @Test(arguments: [1, 200, 1_500])
    func anIndexFromKnownTermsEqualsTheTokenisedOne(count: Int) {
        // A changed document loses a word of its own and gains others, so terms leave the part
        // and new ones go in among the known, before the first and after the last.
        var previous = SearchIndexSpeedupTests.documents(count, seed: UInt64(count))
        for number in stride(from: 0, to: count, by: 3) { previous[number].body += " vanished\(number)" }
        let keys = Self.keys(count)
        let terms = SearchPartTerms(of: SearchIndex(previous), keys: keys)
        // Every third document changed since (new text, new key); the others are known and
        // come without their text.
        var current = SearchIndexSpeedupTests.documents(count, seed: UInt64(count) + 1)
        var known: [Int?] = []
        for number in 0..<count {
            if number % 3 == 0 {
                current[number].title += " arrived\(number) 00\(number)"
                current[number].body += " ｚｚｚ\(number)"
                known.append(nil)
            } else {
                current[number] = previous[number]
                current[number].title = ""
                current[number].tags = []
                current[number].summary = ""
                current[number].body = ""
                known.append(number)
            }
        }
        let reused = SearchIndex(current, known: SearchIndex.KnownTerms(terms: terms, documents: known))
        let full = (0..<count).map { $0 % 3 == 0 ? current[$0] : previous[$0] }
        let plain = SearchIndexSpeedupTests.plainIndex(full)
        #expect(reused.terms == plain.terms)
        #expect(reused.postings == plain.postings)
        #expect(reused.terms.contains("arrived0") && !reused.terms.contains("vanished0"))
    }

    @Test func termsReadBackAsWritten() throws {
        let documents = SearchIndexSpeedupTests.documents(300, seed: 7)
        let terms = SearchPartTerms(of: SearchIndex(documents), keys: Self.keys(300))
        let read = try #require(SearchPartTerms(decoding: terms.encoded))
        #expect(read == terms)
        #expect(terms.terms.contains("𝐛𝐨𝐥𝐝"))
    }

    @Test func bytesCutShortOrOfAnotherLayoutAreNotRead() {
        let encoded = SearchPartTerms(of: SearchIndex(SearchIndexSpeedupTests.documents(50, seed: 3)), keys: Self.keys(50)).encoded
        #expect(SearchPartTerms(decoding: encoded.prefix(encoded.count - 1)) == nil)
        #expect(SearchPartTerms(decoding: encoded + Data([0])) == nil)
        #expect(SearchPartTerms(decoding: Data("newsroom-search-terms 1\n".utf8) + encoded.dropFirst(24)) == nil)
        #expect(SearchPartTerms(decoding: Data()) == nil)
        let unordered = SearchPartTerms(terms: ["droit", "court"], keys: [1], starts: [0, 2], entries: [0, 2])
        #expect(SearchPartTerms(decoding: unordered.encoded) == nil)
    }
}
