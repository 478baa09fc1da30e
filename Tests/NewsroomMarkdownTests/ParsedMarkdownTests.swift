import CCmarkGFM
import Foundation
import Testing
@testable import NewsroomMarkdown

/// A parsed document's slots, filled after cmark is done, give the HTML cmark-gfm writes itself
/// for the same destinations and raw HTML.
struct ParsedMarkdownTests {
    /// cmark-gfm's own HTML for `source`, with the extensions and options we parse with.
    static func cmarkHTML(_ source: String) -> String {
        let options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        return CmarkSession.shared.inlineParsing {
            for syntax in CmarkSession.shared.extensions { cmark_parser_attach_syntax_extension(parser, syntax) }
            cmark_parser_feed(parser, source, source.utf8.count)
            let document = cmark_parser_finish(parser)!
            defer { cmark_node_free(document) }
            let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))!
            defer { free(html) }
            return String(cString: html)
        }
    }

    @Test func destinationsAreEscapedAsCmarkEscapesThem() {
        // Every ASCII byte as an entity (cmark decodes it into the destination), then a few
        // multi-byte characters.
        var destinations = (1...127).map { "a&#\($0);b" }
        destinations += ["é", "日本", "%20", "a b", "x?y=1&z='2'", "\u{E002}"]
        for destination in destinations {
            let source = "[x](<\(destination)>) ![i](<\(destination)>)\n"
            #expect(MarkdownRenderer().render(source).html == Self.cmarkHTML(source), "\(destination)")
        }
    }

    @Test func rawHTMLIsTagFilteredAsCmarkFiltersIt() {
        let sources = [
            "<script>x</script>\n", "a <SCRIPT src=x> b\n", "<scripts>\n", "<script/>\n", "<script/ >\n", "</style>\n",
            "<div>\n<xmp\n</div>\n", "a <title>t</title> <textarea\tx> <iframe/> <noembed> <noframes> <plaintext>\n",
            "<div><scrip</div>\n", "x <a href=\"y\"><script>\n", "<div>\n<script", "- <style>\n  <style>\n",
        ]
        for source in sources {
            #expect(MarkdownRenderer(allowsRawHTML: true).render(source).html == Self.cmarkHTML(source), "\(source)")
        }
    }

    /// An author who writes a slot's mark gets it back as written: the marks are counted, and
    /// another family is used on a clash.
    @Test func anAuthorsSlotMarkIsKeptAsWritten() {
        let mark = CmarkDocument.slotMark(0, 0)
        let source = "[a](\(mark)) and [b](x) and \(mark) and <span title=\"\(CmarkDocument.slotMark(0, 1))\">s</span>\n"
        let rendered = MarkdownRenderer(allowsRawHTML: true).render(source) { reference in
            reference.destination == "x" ? .replace("y") : .keep
        }
        #expect(rendered.html == Self.cmarkHTML(source).replacingOccurrences(of: "href=\"x\"", with: "href=\"y\""))
    }

    @Test func oneParseIsWrittenForEachUse() {
        let parsed = MarkdownRenderer().parse("# Title\n\nSee [the page](page.md) and ![a photo](photo.jpg).\n")
        #expect(parsed.references.map(\.destination) == ["page.md", "photo.jpg"])
        #expect(parsed.firstParagraph == "See the page and a photo.")
        #expect(parsed.anchors == ["title"])
        let relative = String(decoding: parsed.html(rawHTML: [], links: [.replace("../page/"), .keep]), as: UTF8.self)
        let absolute = String(decoding: parsed.html(rawHTML: [], links: [.replace("https://example.org/page/"), .drop]), as: UTF8.self)
        #expect(relative.contains("<a href=\"../page/\">the page</a> and <img src=\"photo.jpg\" alt=\"a photo\" />"))
        #expect(absolute.contains("<a href=\"https://example.org/page/\">the page</a> and <img src=\"\" alt=\"a photo\" />"))
    }
}
