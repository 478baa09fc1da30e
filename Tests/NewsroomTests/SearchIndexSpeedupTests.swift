import Synchronization
import Testing
import TestSupport
@testable import Newsroom

/// The index's fast paths (term numbers, flat postings, words looked up where they stand, byte
/// order standing in for UTF-16 order) against the plain way of building the same index: a set
/// of terms per document, a dictionary of postings, terms sorted by their UTF-16 code units.
@Suite struct SearchIndexSpeedupTests {
    /// Words that take every path: lower-case ASCII, capitals, accents and ligatures folded,
    /// elisions, stop words, stems shared by several words, and scalars on both sides of the one
    /// place UTF-8 and UTF-16 order differ (U+FF21… against supplementary letters).
    static let words = [
        "court", "courts", "Court", "COURTS", "tribunal", "Tribunaux", "événement", "Événements",
        "EVENEMENT", "l'exploitation", "d’accord", "qu'il", "œuvre", "Cœur", "Æther", "straße",
        "the", "les", "of", "droits", "Rights", "right", "running", "ran", "a1", "2024", "x",
        "ｆｕｌｌ", "Ｗｉｄｅ", "𝐛𝐨𝐥𝐝", "𠀀𠀁", "ΣΟΦΟΣ", "naïve", "façade", "Straße-Nord",
        "rights,", "(press)", "release.", "won't", "l'", "ﬁnance",
    ]

    static func text(_ random: inout SeededRandom, words count: Int) -> String {
        (0..<count).map { _ in random.pick(words) }.joined(separator: random.chance(0.2) ? "  " : " ")
    }

    static func documents(_ count: Int, seed: UInt64) -> [SearchDocument] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { number in
            SearchDocument(
                url: "news/\(number)/", title: text(&random, words: random.int(0, 6)), day: "2025-01-01", dateText: "",
                summary: text(&random, words: random.int(0, 12)),
                tags: (0..<random.int(0, 3)).map { _ in text(&random, words: random.int(1, 2)) },
                body: text(&random, words: random.int(0, 80))
            )
        }
    }

    /// The index built the plain way.
    static func plainIndex(_ documents: [SearchDocument]) -> (terms: [String], postings: [[Int]]) {
        var tokenizer = SearchTokenizer()
        var byTerm: [String: [Int]] = [:]
        for (number, document) in documents.enumerated() {
            let heading = Set(tokenizer.terms(document.title + " " + document.tags.joined(separator: " ")))
            let body = Set(tokenizer.terms(document.summary + " " + document.body)).subtracting(heading)
            for term in heading { byTerm[term, default: []].append(number * 2 + 1) }
            for term in body { byTerm[term, default: []].append(number * 2) }
        }
        let terms = byTerm.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        return (terms, terms.map { byTerm[$0]!.sorted() })
    }

    @Test(arguments: [1, 63, 200, 1_500])
    func indexMatchesThePlainWay(count: Int) {
        let documents = Self.documents(count, seed: UInt64(count))
        let index = SearchIndex(documents)
        let plain = Self.plainIndex(documents)
        #expect(index.terms == plain.terms)
        #expect(index.postings == plain.postings)
        #expect(index.terms.contains("ｆｕｌｌ") && index.terms.contains("𝐛𝐨𝐥𝐝"))
    }

    /// Bodies handed over one at a time as they are tokenised give the index the documents'
    /// own bodies give, each body asked for once.
    @Test(arguments: [1, 300, 1_500])
    func bodiesGivenAsTokenisedMakeTheSameIndex(count: Int) {
        let documents = Self.documents(count, seed: UInt64(count) + 7)
        let bodiless = documents.map { document -> SearchDocument in
            var document = document
            document.body = ""
            return document
        }
        let asked = AskedNumbers()
        let index = SearchIndex(bodiless) { number in
            asked.numbers.withLock { $0.append(number) }
            return .text(documents[number].body)
        }
        let plain = Self.plainIndex(documents)
        #expect(index.terms == plain.terms)
        #expect(index.postings == plain.postings)
        #expect(asked.numbers.withLock { $0.sorted() } == Array(0..<count))
    }

    /// The numbers of the bodies asked for, from the threads that tokenise them.
    final class AskedNumbers: Sendable {
        let numbers = Mutex<[Int]>([])
    }

    @Test func termOrderIsJavaScriptOrder() {
        var random = SeededRandom(seed: 19)
        // Scalars from each range whose UTF-8 and UTF-16 orders could part.
        let scalars: [UInt32] = [0x61, 0x7A, 0xE9, 0x3A3, 0x4E00, 0xD7FF, 0xE000, 0xFB01, 0xFF21, 0xFFFD, 0x10000, 0x1D41B, 0x20000, 0x10FFFD]
        let strings = (0..<400).map { _ in
            String(String.UnicodeScalarView((0..<random.int(0, 4)).map { _ in Unicode.Scalar(random.pick(scalars))! }))
        }
        for first in strings {
            for second in strings.prefix(60) {
                #expect(SearchTermOrder.precedes(first, second) == first.utf16.lexicographicallyPrecedes(second.utf16), "\(first) < \(second)")
            }
        }
    }

    @Test func wordTableFindsWhatItHoldsAcrossGrowth() {
        var table = SearchWordTable()
        let words = (0..<5_000).map { "w\($0)" } + ["", "é", "ｆｕｌｌ"]
        for (number, word) in words.enumerated() {
            var word = word
            word.withUTF8 { table.insert($0, value: number) }
        }
        for (number, word) in words.enumerated() {
            var word = word
            #expect(word.withUTF8 { table.value(of: $0) } == number)
        }
        for absent in ["w5000", "w-1", "e", "ｆｕｌ"] {
            var absent = absent
            #expect(absent.withUTF8 { table.value(of: $0) } == nil)
        }
    }

    /// A scalar met again is folded from the scanner's memo, as the first time: ligatures and
    /// accents in both cases, a curly apostrophe ending a word or eliding one.
    @Test func scannerFoldsAScalarMetAgainAsTheFirstTime() {
        var tokenizer = SearchTokenizer()
        let text = "Œuvre d’art, œuvre’s ÉTÉ été Straße STRASSE"
        let once = tokenizer.words(text)
        #expect(once == ["oeuvre", "art", "oeuvre", "s", "ete", "ete", "strasse", "strasse"])
        #expect(tokenizer.words(text) == once)
    }

    @Test func wordsOfOneTermShareItsNumber() {
        var tokenizer = SearchTokenizer()
        var numbers: [Int32] = []
        tokenizer.appendTerms(of: "Courts court COURT, the courts’ l'court", to: &numbers)
        #expect(numbers == [0, 0, 0, 0, 0])
        tokenizer.appendTerms(of: "tribunal Court", to: &numbers)
        #expect(numbers.suffix(2) == [1, 0])
        #expect(tokenizer.termTexts == ["court", "tribunal"])
    }
}
