import Testing
@testable import Newsroom
import TestSupport

@Suite struct SlugTests {
    @Test(arguments: [
        ("Société civile", "societe-civile"),
        ("Justiça", "justica"),
        ("Straße & Œuvre", "strasse-oeuvre"),
        ("  Hello,   World! ", "hello-world"),
        ("Україна", "україна"),
        ("人权", "人权"),
        ("It's 2023", "its-2023"),
    ])
    func slugsFromText(_ text: String, _ expected: String) {
        #expect(Slug.make(from: text) == expected)
    }

    /// Names whose first bytes are ASCII are split by byte, others by Character: both give
    /// what the Characters say.
    @Test(arguments: [
        ("2023-03-21-bucharest", "2023-03-21", "bucharest"),
        ("2023-03-21-ünïcode", "2023-03-21", "ünïcode"),
        ("2023-03-21-x", "2023-03-21", "x"),
        ("2023-03-21-", nil, "2023-03-21-"),
        ("2023-03-2a-x", nil, "2023-03-2a-x"),
        ("2023/03/21-x", nil, "2023/03/21-x"),
        ("2023-03-21x-y", nil, "2023-03-21x-y"),
        ("2023-03-21-\u{301}x", nil, "2023-03-21-\u{301}x"),
        ("2023-03-21\u{301}-x", nil, "2023-03-21\u{301}-x"),
        ("２０２３-03-21-x", nil, "２０２３-03-21-x"),
        ("bucharest", nil, "bucharest"),
    ] as [(String, String?, String)])
    func datePrefixes(_ name: String, _ date: String?, _ slug: String) {
        let split = Slug.splitDatePrefix(name)
        #expect(split.date == date && split.slug == slug)
    }

    /// The ASCII shortcut of `hasLetterOrDigit` agrees with making the slug.
    @Test func letterOrDigitWithoutTheSlug() {
        for text in ["Humanitarian Aid", "!!!", "——", "Ünïcode", "人权", "ß", "a", "-", "C#", "'", "١٢٣", "e\u{301}", "#1", " ", "ﬁ", "Ⓐ"] {
            #expect(Slug.hasLetterOrDigit(text) == !Slug.make(from: text).isEmpty, "\(text)")
        }
    }

    @Test func validity() {
        #expect(Slug.isValid("bucharest-2023"))
        #expect(Slug.isValid("україна"))
        #expect(!Slug.isValid("Bucharest"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("..") )
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid(""))
    }

    /// The byte-wise check for ASCII slugs agrees with the Unicode one on every short string
    /// over an alphabet of edge cases.
    @Test func asciiValidityMatchesTheUnicodeRules() {
        func unicodeRules(_ slug: String) -> Bool {
            guard let first = slug.unicodeScalars.first, slug.count <= 120 else { return false }
            guard first.properties.isAlphabetic || first.properties.numericType != nil else { return false }
            return slug.unicodeScalars.allSatisfy { $0 == "-" || $0 == "_" || ($0.properties.isAlphabetic && !$0.properties.isUppercase) || ("0"..."9").contains($0) }
        }
        let alphabet = Array("az09-_A. /")
        var generator = SeededRandom(seed: 0x51D6)
        for _ in 0..<5_000 {
            let slug = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(Slug.isValid(slug) == unicodeRules(slug), "\(slug)")
        }
        #expect(Slug.isValid(String(repeating: "a", count: 120)))
        #expect(!Slug.isValid(String(repeating: "a", count: 121)))
    }

    /// A file name that is not a slug is slugified; one with nothing to slug is an error at the file.
    @Test(arguments: [
        ("Rust-1.0", "rust-1-0"),
        ("already-fine_2", "already-fine_2"),
        ("Société Civile", "societe-civile"),
        ("Why We Act!", "why-we-act"),
        ("Права", "права"),
    ])
    func slugsFromFileNames(_ name: String, _ expected: String) {
        var log = DiagnosticLog()
        #expect(Slug.fromFileName(name, at: SourceLocation(path: "x.md"), log: &log) == expected)
        #expect(log.diagnostics.isEmpty)
    }

    @Test func fileNameWithoutLettersIsAnError() {
        var log = DiagnosticLog()
        #expect(Slug.fromFileName("!!!", at: SourceLocation(path: "site/content/pages/!!!.md"), log: &log) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "site/content/pages/!!!.md:1:1: error: the file name '!!!' has no letters or digits to make a URL from; rename it or set 'slug'",
        ])
    }
}
