import Foundation
import Testing
@testable import NewsroomMarkdown

/// cmark-gfm misreads a bracket before an escaped or entity caret as a footnote reference: the
/// escape came out `[^n]]` and an entity cut the rest of the body from the HTML. Both must read
/// as the text CommonMark makes of them, with everything after them kept.
@Suite struct FootnoteCaretRepairTests {
    let renderer = MarkdownRenderer()

    @Test(arguments: [
        #"A [\^n] B, the rest."#, "A [&#94;n] B, the rest.", "A [&Hat;n] B, the rest.", "A [&#x5e;n] B, the rest.",
        "A [&#X05E;n] B, the rest.", "A [&#0000094;n] B, the rest.",
    ])
    func aBracketBeforeAnEscapedOrEntityCaretIsText(_ sentence: String) {
        #expect(renderer.render(sentence).html == "<p>A [^n] B, the rest.</p>\n")
        // Beside a real footnote, in a list and in a quote, the rest of the body is kept.
        let html = renderer.render("""
        One[^n] and \(sentence)

        - item \(sentence)

        > quoted
        > \(sentence)

        Last paragraph.

        [^n]: The note.
        """).html
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup> and A [^n] B, the rest.</p>"))
        #expect(html.contains("<li>item A [^n] B, the rest.</li>"))
        #expect(html.contains("quoted\nA [^n] B, the rest.</p>"))
        #expect(html.contains("<p>Last paragraph.</p>"))
        #expect(html.contains("The note."))
        #expect(!html.contains("\u{0}"))
    }

    /// Code keeps its bytes: the same bracket in a code span or block is not a reference.
    @Test func codeIsLeftAsWritten() {
        let html = renderer.render("""
        A regex `[\\^a-z]` and [&#94;n] text.

        ```
        [&#94;x] and [\\^y]
        ```
        """).html
        #expect(html == "<p>A regex <code>[\\^a-z]</code> and [^n] text.</p>\n<pre><code>[&amp;#94;x] and [\\^y]\n</code></pre>\n")
    }

    @Test func theReplacementsAreAsLongAsWhatTheyReplace() {
        let text = #"[\^a] [&#94;b] [&Hat;c] [&#x5E;d] [&#0094;e] [&#95;f] [\_g]"#
        var bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer(FootnoteCaretRepair.suspects)
        #expect(found.keys.sorted() == [0, 6, 15, 24, 34])
        let expected = [0: #"\[^"#, 6: "&#91;^", 15: "&#91;^", 24: "&#091;^", 34: "&#0091;^"]
        #expect(found.mapValues { String(decoding: $0, as: UTF8.self) } == expected)
        for (offset, replacement) in found {
            let replaced = bytes.withUnsafeBufferPointer { FootnoteCaretRepair.caretEntityLength($0, at: offset + 1) }.map { $0 + 1 } ?? 3
            #expect(replacement.count == replaced, "\(offset)")
        }
        bytes = Array("a\r\nb\rc\nd".utf8)
        #expect(bytes.withUnsafeBufferPointer(FootnoteCaretRepair.lineStarts) == [0, 3, 5, 7])
    }
}
