import Foundation
import Testing
@testable import Newsroom

/// The search index's text rules against the vectors `search.js` is held to as well
/// (`Tests/Shared/search-vectors.json`): what the build indexes is what a query looks up.
@Suite struct SearchTextTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Vectors: Decodable {
        var fold: [[String]]
        var stem: [[String]]
        var terms: [Pair]

        struct Pair: Decodable {
            var text: String
            var terms: [String]

            init(from decoder: Decoder) throws {
                var container = try decoder.unkeyedContainer()
                text = try container.decode(String.self)
                terms = try container.decode([String].self)
            }
        }
    }

    static func vectors() throws -> Vectors {
        let data = try Data(contentsOf: repository.appendingPathComponent("Tests/Shared/search-vectors.json"))
        return try JSONDecoder().decode(Vectors.self, from: data)
    }

    @Test func foldingMatchesTheVectors() throws {
        let vectors = try Self.vectors()
        #expect(vectors.fold.count > 10)
        var folding = SearchFolding()
        for pair in vectors.fold {
            #expect(folding.fold(pair[0]) == pair[1], "fold(\(pair[0]))")
        }
    }

    @Test func stemmingMatchesTheVectors() throws {
        let vectors = try Self.vectors()
        #expect(vectors.stem.count > 10)
        for pair in vectors.stem {
            #expect(SearchStemmer.stem(pair[0]) == pair[1], "stem(\(pair[0]))")
        }
    }

    @Test func termsMatchTheVectors() throws {
        let vectors = try Self.vectors()
        #expect(vectors.terms.count > 5)
        var tokenizer = SearchTokenizer()
        for pair in vectors.terms {
            #expect(tokenizer.terms(pair.text) == pair.terms, "terms(\(pair.text))")
        }
    }

    /// The same vectors through `search.js` in Node (`Tests/Shared/search-vectors.js`).
    @Test func theScriptMatchesTheVectors() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", Self.repository.appendingPathComponent("Tests/Shared/search-vectors.js").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("search vectors hold in JavaScript"), "\(output)")
    }

    @Test func indexRanksTitleAndTagMatchesAboveBodyOnes() {
        let documents = [
            SearchDocument(url: "a/", title: "Court support", day: "2025-01-02", dateText: "", summary: "", tags: ["Courts"], body: "Nothing else."),
            SearchDocument(url: "b/", title: "Other news", day: "2025-01-01", dateText: "", summary: "", tags: [], body: "The court heard the case."),
        ]
        let index = SearchIndex(documents)
        let court = try! #require(index.terms.firstIndex(of: "court"))
        #expect(index.postings[court] == [1, 2])
        #expect(index.terms == index.terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    @Test func partScriptIsOneClassicStatementOfFourStrings() {
        let index = SearchIndex([SearchDocument(url: "news/x/index.html", title: "A \"quoted\" title", day: "2025-01-02", dateText: "2 January 2025", summary: "S", tags: ["t1", "t2"], body: "word word")])
        let script = SearchScript.part("all", index)
        #expect(script == """
            (self.newsroomSearch=self.newsroomSearch||[]).push({"v":2,"part":"all","count":1,
            "docs":"news/x/index.html\\u001fA \\"quoted\\" title\\u001f2025-01-02\\u001f2 January 2025\\u001fS\\u001ft1\\tt2",
            "terms":"quot t1 t2 titl word",
            "postings":"b;b;b;b;a"});

            """)
    }

    /// The separators of the documents' string never come from a field: a title holding one,
    /// or a tag holding a tab, still reads back as the fields written, with spaces in their place.
    @Test func separatorsInsideFieldsBecomeSpaces() {
        let documents = [
            SearchDocument(url: "a/", title: "One\u{1E}two\u{1F}three", day: "2025-01-02", dateText: "d", summary: "tab\there", tags: ["x\ty", "z"], body: ""),
            SearchDocument(url: "b/", title: "Other “é” 😀", day: "2025-01-01", dateText: "d", summary: "", tags: [], body: ""),
        ]
        let script = SearchScript.part("all", SearchIndex(documents))
        // Past ASCII only as escapes, which read back as the text written.
        #expect(script.utf8.allSatisfy { $0 < 0x80 })
        #expect(script.contains("\\u201c\\u00e9\\u201d \\ud83d\\ude00"))
        let start = script.range(of: "\"docs\":")!.upperBound
        let end = script.range(of: ",\n\"terms\"")!.lowerBound
        let docs = try! #require(try JSONSerialization.jsonObject(with: Data(script[start..<end].utf8), options: .fragmentsAllowed) as? String)
        let records = docs.split(separator: "\u{1E}", omittingEmptySubsequences: false).map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
        #expect(records == [
            ["a/", "One two three", "2025-01-02", "d", "tab\there", "x y\tz"],
            ["b/", "Other “é” 😀", "2025-01-01", "d", "", ""],
        ])
    }

    /// Postings differences: base-26 upper-case letters with more to come, then one base-36 digit.
    @Test func differencesAreWrittenWithoutSeparators() {
        let written = [0, 1, 25, 26, 35, 36, 37, 935, 936, 937, 36 * 26 * 26].map { value -> String in
            var bytes: [UInt8] = []
            SearchScript.appendDifference(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(written == ["a", "b", "z", "0", "9", "Ba", "Bb", "Z9", "BAa", "BAb", "BAAa"])
    }
}
