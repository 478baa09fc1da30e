import Testing
import TestSupport
@testable import NewsroomMarkdown

/// Bodies are parsed without GFM's autolink extension when their HTML shows nothing it could
/// have linked (`AutolinkText`), and again with it otherwise: the result must be the one the
/// extension gives.
@Suite struct AutolinkTextTests {
    private func appears(_ html: String) -> Bool {
        Array(html.utf8).withUnsafeBufferPointer(AutolinkText.appears)
    }

    @Test func findsAddressesOutsideLinksOnly() {
        #expect(!appears("<p>Plain text, nothing to link.</p>"))
        #expect(!appears("<p>Write to <a href=\"\u{E002}0s0\u{E003}\">press@example.org</a> or <a href=\"x\">www.example.org</a>.</p>"))
        #expect(appears("<p>Write to press@example.org.</p>"))
        #expect(appears("<p>See www.example.org</p>"))
        #expect(appears("<p>See <a href=\"x\">here</a> and https://example.org</p>"))
        #expect(appears("<p><a href=\"x\">a</a> b <a href=\"y\">c</a> d@e.org</p>"))
        // Not linked by the extension, but outside a link: the answer is cautious.
        #expect(appears("<p><code>a@b</code></p>"))
        #expect(appears("<p><img src=\"x\" alt=\"www.example.org\" /></p>"))
        // `WWW.` is not linked; a lone `:` or `//` is not a scheme.
        #expect(!appears("<p>WWW.EXAMPLE.ORG, time: 10:30, a // b</p>"))
    }

    @Test func parsesWithoutTheExtensionOnlyWhenNothingIsLinked() {
        let quiet = CmarkDocument(source: "Contact [press@example.org](mailto:press@example.org), [report](https://www.example.org/r).\n")
        #expect(quiet.parse(allowingRawHTML: false, firstParagraph: true, autolinks: false) != nil)
        let linked = CmarkDocument(source: "Contact press@example.org.\n")
        #expect(linked.parse(allowingRawHTML: false, firstParagraph: true, autolinks: false) == nil)
        let html = linked.parse(allowingRawHTML: false).html(rawHTML: [], links: [.keep])
        #expect(String(decoding: html, as: UTF8.self) == "<p>Contact <a href=\"mailto:press@example.org\">press@example.org</a>.</p>\n")
    }

    /// Seeded bodies mixing what the extension links with what hides it (links, images, code,
    /// raw HTML, headings, tables, escapes): the result with the shortcut is the extension's.
    @Test func sameResultAsAlwaysParsingWithTheExtension() {
        let pieces = [
            "press@example.org", "[press@example.org](mailto:press@example.org)", "www.example.org", "(www.example.org)",
            "https://example.org/a_b", "[site](https://www.example.org/)", "![www.example.org a@b.org](/i.png)",
            "`a@b.org`", "<a href=\"mailto:t@e.org\">t@e.org</a>", "<span>www.x.org</span>", "ww\\w.x.org", "w", "www", ".",
            "://", "http:", "//x.org", "@", "*www.x.org*", "~~a~~", "word", " ", "\n", "\n\n", "# ", "## www.x.org\n",
            "| a | b |\n|---|---|\n| c@d.org | e |\n", "- [ ] item\n", "&#64;", "[r]: https://r.example.org\n", "[r]",
        ]
        var random = SeededRandom(seed: 20)
        for _ in 0..<400 {
            let body = (0..<random.int(1, 12)).map { _ in pieces[random.int(0, pieces.count - 1)] }.joined()
            for allowsRaw in [false, true] {
                let document = CmarkDocument(source: body)
                let expected = document.parse(allowingRawHTML: allowsRaw, firstParagraph: true, autolinks: true)!
                let actual = document.parse(allowingRawHTML: allowsRaw)
                #expect(rendered(actual) == rendered(expected), "\(body.debugDescription)")
                #expect(actual.references == expected.references && actual.rawHTML == expected.rawHTML, "\(body.debugDescription)")
                #expect(actual.headings == expected.headings && actual.firstParagraph == expected.firstParagraph, "\(body.debugDescription)")
                #expect(actual.anchors == expected.anchors, "\(body.debugDescription)")
            }
        }
    }

    private func rendered(_ parsed: ParsedMarkdown) -> String {
        String(decoding: parsed.html(rawHTML: parsed.rawHTML.map { _ in nil }, links: parsed.references.map { _ in .keep }), as: UTF8.self)
    }
}
