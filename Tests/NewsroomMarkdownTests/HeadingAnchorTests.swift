import Testing
import TestSupport
@testable import NewsroomMarkdown

/// Heading ids by GitHub's rule.
@Suite struct HeadingAnchorTests {
    @Test(arguments: [
        ("Hello, World! (v2.0)", "hello-world-v20"), ("C++ & C#", "c--c"), ("snake_case-id", "snake_case-id"),
        ("a\tb", "ab"), ("  Two  spaces ", "--two--spaces-"), ("Ünïcode Ωmega", "ünïcode-ωmega"),
    ])
    func idOfAHeading(_ text: String, _ expected: String) {
        var used = UsedHeadingIDs()
        #expect(HeadingAnchors.uniqueID(for: text, used: &used) == expected)
    }

    /// The ASCII path gives every ASCII text the id the scalar-by-scalar rule gives, and leaves
    /// any other text to it.
    @Test func asciiPathAgreesWithTheUnicodeRule() {
        var random = SeededRandom(seed: 31)
        // Every ASCII byte, control characters and DEL included.
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for _ in 0..<2_000 {
            let text = (0..<random.int(0, 24)).map { _ in random.pick(ascii) }.joined()
            #expect(HeadingAnchors.asciiSlug(text) == HeadingAnchors.unicodeSlug(text), "\(Array(text.utf8))")
        }
        #expect(HeadingAnchors.asciiSlug("Café") == nil)
        #expect(HeadingAnchors.slug("Café Ωmega 2") == "café-ωmega-2")
    }

    @Test func idsAreUniqueWithinADocument() {
        var used = UsedHeadingIDs()
        #expect(HeadingAnchors.uniqueID(for: "Why It Matters", used: &used) == "why-it-matters")
        #expect(HeadingAnchors.uniqueID(for: "why it matters!", used: &used) == "why-it-matters-1")
        #expect(HeadingAnchors.uniqueID(for: "Why it matters", used: &used) == "why-it-matters-2")
        #expect(HeadingAnchors.uniqueID(for: "?!", used: &used) == "section")
        #expect(HeadingAnchors.uniqueID(for: "…", used: &used) == "section-1")
    }

    /// GitHub numbers past an id a heading already has: "a", "a-1" (written), "a" → "a", "a-1", "a-2".
    @Test func repeatsSkipIDsAlreadyGiven() {
        var used = UsedHeadingIDs()
        let ids = ["Intro", "Intro 1", "Intro", "Intro"].map { HeadingAnchors.uniqueID(for: $0, used: &used) }
        #expect(ids == ["intro", "intro-1", "intro-2", "intro-3"])
    }

    /// Past the ids compared one by one they are hashed: numbering goes on as it would with
    /// every id counted in a dictionary (GitHub's own way, written out here).
    @Test func manyRepeatsNumberAsWithADictionary() {
        var random = SeededRandom(seed: 7)
        let texts = ["Intro", "Intro 1", "Intro 2", "Intro-1", "Notes", "Notes 1", "?!", "Section 1", "Section"]
        for _ in 0..<50 {
            let headings = (0..<random.int(1, 60)).map { _ in random.pick(texts) }
            var used = UsedHeadingIDs()
            var counted: [String: Int] = [:]
            for text in headings {
                var base = HeadingAnchors.slug(text)
                if base.isEmpty { base = "section" }
                var id = base
                while counted[id] != nil {
                    counted[base, default: 0] += 1
                    id = "\(base)-\(counted[base]!)"
                }
                counted[id] = 0
                #expect(HeadingAnchors.uniqueID(for: text, used: &used) == id, "\(headings)")
            }
        }
    }

    /// GitHub's rule: lower case, punctuation dropped except `-` and `_`, each space a `-`, nothing collapsed.
    @Test(arguments: [
        ("Part two - b_c", "part-two---b_c"),
        ("Why?  It's (really) 100% true!", "why--its-really-100-true"),
        ("  Leading and trailing  ", "--leading-and-trailing--"),
        ("C++ & C#: a/b.c", "c--c-abc"),
        ("Ça change — tout", "ça-change--tout"),
        ("Права людини", "права-людини"),
        ("人权 2023", "人权-2023"),
        ("Café\u{301} ☕ emoji", "café\u{301}--emoji"),
        ("snake_case-and-kebab", "snake_case-and-kebab"),
        ("tab\there", "tabhere"),
    ])
    func githubRule(_ text: String, _ expected: String) {
        var used = UsedHeadingIDs()
        #expect(HeadingAnchors.uniqueID(for: text, used: &used) == expected)
    }

    /// Ids an author writes in raw HTML count whatever their quoting; `data-id` is not an id.
    @Test func idsInAnyQuoting() {
        let html = #"<h2 id="a">A</h2><a id='b'>b</a> <span id=c>c</span><img src="x" id=d/><p data-id="no" id="">"#
        #expect(HeadingAnchors.ids(in: Array(html.utf8)) == ["a", "b", "c", "d"])
    }
}
