import Testing
@testable import Newsroom

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

    @Test func validity() {
        #expect(Slug.isValid("bucharest-2023"))
        #expect(Slug.isValid("україна"))
        #expect(!Slug.isValid("Bucharest"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("..") )
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid(""))
    }

    @Test func datePrefix() {
        #expect(Slug.splitDatePrefix("2023-03-21-bucharest") == ("2023-03-21", "bucharest"))
        #expect(Slug.splitDatePrefix("bucharest") == (nil, "bucharest"))
    }
}
