import Testing
@testable import NewsroomMarkdown

/// Heading ids: the byte-wise slug for ASCII text gives what the Unicode one gives.
@Suite struct HeadingAnchorTests {
    @Test func asciiSlugMatchesTheUnicodeSlug() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09 -_\t\n.!?#'\"&<>:;,()[]{}~^%$@*+=/\\|`\u{0B}\u{0C}\r")
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(HeadingAnchors.asciiSlug(text) == HeadingAnchors.unicodeSlug(text), "\(text.debugDescription)")
        }
    }

    @Test func idsAreUniqueWithinADocument() {
        var used: [String: Int] = [:]
        #expect(HeadingAnchors.uniqueID(for: "Why It Matters", used: &used) == "why-it-matters")
        #expect(HeadingAnchors.uniqueID(for: "why it matters!", used: &used) == "why-it-matters-1")
        #expect(HeadingAnchors.uniqueID(for: "Ça change — tout", used: &used) == "ça-change-tout")
        #expect(HeadingAnchors.uniqueID(for: "?!", used: &used) == "section")
    }
}
