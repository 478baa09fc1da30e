import Testing
@testable import Newsroom

@Suite struct RawHTMLLinksTests {
    @Test func srcsetCandidatesWithDescriptorsCommasAndNone() {
        let value = "a.png 1x,b.png  2x , c.png, d,e.png (x, y) 3x"
        let bytes = Array(value.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let found = Srcset.urls(in: value)
        #expect(found.map { text($0.url) } == ["a.png", "b.png", "c.png", "d,e.png"])
        #expect(found.map { text($0.candidate) } == ["a.png 1x", "b.png  2x", "c.png", "d,e.png (x, y) 3x"])
    }

    /// A dropped srcset candidate goes with its descriptor; the rest of the tag is untouched.
    @Test func droppedCandidateAndKeptText() {
        let html = "<img alt='x'  srcset=\"javascript:x 1x, b.png 2x\" src=keep.png>"
        let rewritten = RawHTMLLinks.rewrite(html) { url, _, _ in url.hasPrefix("javascript") ? .drop : .keep }
        #expect(rewritten == "<img alt='x'  srcset=\", b.png 2x\" src=keep.png>")
        #expect(RawHTMLLinks.rewrite(html) { _, _, _ in .keep } == nil)
    }
}
