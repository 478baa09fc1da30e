import Testing
@testable import NewsroomMarkdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGFMExtensions() {
        let html = renderer.render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~gone~~ and www.example.org

        - [x] done
        - [ ] open

        Note[^1].

        [^1]: The note.
        """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }

    /// A document parsed without cmark-gfm's footnote pass must be one that cannot hold a
    /// footnote: a `^` is needed, written, escaped or as an entity.
    @Test(arguments: [
        ("Note[^1].\n\n[^1]: The note.", true), ("[\\^1]", true), ("[&#94;1]", true), ("[&Hat;1]", true),
        ("Plain [text](a.md#x) with **bold**, www.example.org and t@e.org.", false), ("", false),
    ])
    func footnotesNeedACaretOrAnEntity(_ source: String, _ mayHold: Bool) {
        var text = source
        #expect(text.withUTF8(CmarkDocument.mayHoldFootnotes) == mayHold)
    }

    /// An image's description is written as plain text: a link in it (GFM autolinks an address
    /// there) or an image has no destination in the HTML, so none is resolved. Such a link's
    /// slot was never found in the HTML, and the parse looked for it again without end.
    @Test func linksInsideAnImageDescriptionAreText() {
        var seen: [String] = []
        let html = renderer.render("![Write to a@b.org, see ![b](c.png) or [d](e.md)](/i.png)\n") { reference in
            seen.append(reference.destination)
            return .keep
        }.html
        #expect(html == "<p><img src=\"/i.png\" alt=\"Write to a@b.org, see b or d\" /></p>\n")
        #expect(seen == ["/i.png"])
    }

    @Test func smartPunctuation() {
        #expect(renderer.render("\"Hello\" -- it's").html == "<p>\u{201C}Hello\u{201D} \u{2013} it\u{2019}s</p>\n")
    }

    @Test func rawHTMLIsEscapedByDefault() {
        let html = renderer.render("Hi <b onclick=\"x()\">there</b>\n\n<div>block</div>\n").html
        #expect(html == "<p>Hi &lt;b onclick=&quot;x()&quot;&gt;there&lt;/b&gt;</p>\n<p>&lt;div&gt;block&lt;/div&gt;</p>\n")
    }

    /// Raw HTML is replaced before links and headings are handled: each of those is still
    /// resolved or marked once, in document order, next to the escaped HTML.
    @Test func rawHTMLBesideLinksAndHeadings() {
        var seen: [String] = []
        let source = "<div>block</div>\n\n## A <i>b</i>\n\nx <span>[in](one.md)</span> [two](two.md) <br>\n"
        let rendered = renderer.render(source) { reference in
            seen.append(reference.destination)
            return .replace("/" + reference.destination)
        }
        #expect(seen == ["one.md", "two.md"])
        #expect(rendered.html.contains("<p>&lt;div&gt;block&lt;/div&gt;</p>"))
        #expect(rendered.html.contains("<h2 id=\"a-ibi\">A &lt;i&gt;b&lt;/i&gt;</h2>"))
        #expect(rendered.html.contains("&lt;span&gt;<a href=\"/one.md\">in</a>&lt;/span&gt; <a href=\"/two.md\">two</a> &lt;br&gt;"))
        #expect(rendered.headings.map(\.id) == ["a-ibi"])
    }

    @Test func rawHTMLAllowedStillRunsTagFilter() {
        let html = MarkdownRenderer(allowsRawHTML: true).render("<b>bold</b> <script>alert(1)</script>\n").html
        #expect(html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;script>"))
        #expect(!html.contains("<script>"))
    }

    @Test func headingsGetStableUniqueIDs() {
        let rendered = renderer.render("# Hello, World!\n\n## Background information\n\n## Background information\n\n### Ça va\n")
        #expect(rendered.headings.map(\.id) == ["hello-world", "background-information", "background-information-1", "ça-va"])
        #expect(rendered.html.contains("<h1 id=\"hello-world\">Hello, World!</h1>"))
        #expect(rendered.html.contains("<h2 id=\"background-information-1\">Background information</h2>"))
        #expect(rendered.anchors.contains("ça-va"))
    }

    @Test func endMarkIsNotAnEmptyHeading() {
        let html = renderer.render("Text.\n\n###\n\n## Background\n").html
        #expect(html == "<p>Text.</p>\n<p class=\"end-mark\">###</p>\n<h2 id=\"background\">Background</h2>\n")
    }

    @Test func linksAreResolvedWithPositions() {
        var seen: [MarkdownReference] = []
        let html = renderer.render("Intro.\n\nSee [it](../a.md) and ![pic](hero.png).\n") { reference in
            seen.append(reference)
            return reference.isImage ? .keep : .replace("../2023/03/a/index.html")
        }.html
        #expect(seen.map(\.destination) == ["../a.md", "hero.png"])
        #expect(seen.map(\.line) == [3, 3])
        #expect(seen[0].column == 5)
        #expect(html.contains("href=\"../2023/03/a/index.html\""))
        #expect(html.contains("src=\"hero.png\""))
    }

    @Test func droppedLinksLoseTheirDestination() {
        let html = renderer.render("[x](javascript:alert(1))") { _ in .drop }.html
        #expect(html == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func firstParagraphIsPlainText() {
        let rendered = renderer.render("## Title\n\nThe *first* `paragraph`\ncontinues.\n\nSecond.")
        #expect(rendered.firstParagraph == "The first paragraph continues.")
    }

    /// A body whose summary is given needs no first paragraph: the parse leaves it out and
    /// changes nothing else.
    @Test func firstParagraphOnlyWhenAskedFor() {
        let source = "## Title\n\nThe *first* [paragraph](/a/).\n\nSecond."
        let with = renderer.parse(source), without = renderer.parse(source, firstParagraph: false)
        #expect(with.firstParagraph == "The first paragraph.")
        #expect(without.firstParagraph == nil)
        #expect(without.html(rawHTML: [], links: [.keep]) == with.html(rawHTML: [], links: [.keep]))
        #expect(without.headings == with.headings && without.anchors == with.anchors && without.references == with.references)
    }

    /// Each heading is found again after rendering by its number: numbers of two digits too.
    @Test func manyHeadingsEachGetTheirID() {
        let rendered = renderer.render((0..<12).map { "## H\($0 % 2)\n" }.joined())
        #expect(rendered.headings.map(\.id) == ["h0", "h1", "h0-1", "h1-1", "h0-2", "h1-2", "h0-3", "h1-3", "h0-4", "h1-4", "h0-5", "h1-5"])
        #expect(rendered.html.hasSuffix("<h2 id=\"h1-5\">H1</h2>\n"))
        #expect(!rendered.html.contains("\u{E000}") && !rendered.html.contains("\u{E001}"))
    }

    @Test func privateUseMarksInSourceCannotForgeIDs() {
        let html = renderer.render("## A\u{E000}0\u{E001}\n").html
        #expect(html.contains("<h2 id=\"a0\">A\u{FFFD}0\u{FFFD}</h2>"))
    }
}
