import Testing
@testable import NewsroomMarkdown

@Suite struct RawHTMLAndReferenceTests {
    let raw = MarkdownRenderer(allowsRawHTML: true)

    @Test func noAutolinkInsideARawAnchor() {
        var seen: [String] = []
        let html = raw.render("Write <a href=\"mailto:t@e.org\">t@e.org</a> or <A HREF=\"https://x.org/\">see *https://x.org/y*</A>; https://z.org stays.\n") { reference in
            seen.append(reference.destination)
            return .keep
        }.html
        #expect(html == "<p>Write <a href=\"mailto:t@e.org\">t@e.org</a> or <A HREF=\"https://x.org/\">see <em>https://x.org/y</em></A>; <a href=\"https://z.org\">https://z.org</a> stays.</p>\n")
        #expect(seen == ["https://z.org"])
    }

    @Test func noAutolinkInsideAnHTMLBlock() {
        let html = raw.render("<p><a href=\"mailto:t@e.org\">t@e.org</a> www.example.org</p>\n").html
        #expect(html == "<p><a href=\"mailto:t@e.org\">t@e.org</a> www.example.org</p>\n")
    }

    /// With raw HTML escaped there is no anchor to nest in: the autolink stays.
    @Test func autolinkBesideEscapedAnchor() {
        let html = MarkdownRenderer().render("<a href=\"mailto:t@e.org\">t@e.org</a>\n").html
        #expect(html.contains("&gt;<a href=\"mailto:t@e.org\">t@e.org</a>&lt;/a&gt;"))
    }

    @Test func referenceLinksArePlacedAtTheirDefinition() {
        var seen: [String] = []
        let source = """
        Intro [inline](a.md), [full][The  Ref], [collapsed][], [shortcut] and ![pic][IMG].

        > [the ref]: one.md

        [Collapsed]: two.md
           [shortcut]: three.md
        [img]: four.png
        """
        _ = MarkdownRenderer().render(source) { reference in
            seen.append("\(reference.destination)@\(reference.line):\(reference.column)")
            return .keep
        }
        #expect(seen == ["a.md@1:7", "one.md@3:3", "two.md@5:1", "three.md@6:4", "four.png@7:1"])
    }

    @Test func rawHTMLIsOfferedWithPositionsOfItsBytes() {
        var seen: [String] = []
        let source = "Text <img src=\"x.png\"> here.\n\n  <div>\n  <p>\n<img src=\"y\">\n</div>\n\n- item\n\n  <p>\n  <img src=\"z\">\n  </p>\n"
        let html = raw.render(source, rewriteRawHTML: { node in
            let offset = Array(node.literal.utf8).firstIndex(of: UInt8(ascii: "s"))!
            let (line, column) = node.position(ofByte: offset)
            seen.append("\(node.isBlock ? "block" : "inline")@\(line):\(column)")
            return node.literal.replacingOccurrences(of: "src=\"", with: "src=\"/")
        }).html
        #expect(seen == ["inline@1:11", "block@5:6", "block@11:8"])
        #expect(html.contains("<img src=\"/x.png\">"))
        #expect(html.contains("<img src=\"/z\">"))
    }

    @Test func rawHTMLIsNotOfferedWhenEscaped() {
        var offered = 0
        _ = MarkdownRenderer().render("<b>x</b>\n", rewriteRawHTML: { _ in offered += 1; return nil })
        #expect(offered == 0)
    }
}
