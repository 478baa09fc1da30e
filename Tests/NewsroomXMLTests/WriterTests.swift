import Testing
@testable import NewsroomXML

@Suite struct WriterTests {
    @Test func sitemapAndIndex() throws {
        let urlset = try #require(XMLElement.parse(SitemapWriter.urlSet([SitemapURL(location: "https://e.org/?a=1&b=2", lastModified: "2023-03-21")])))
        #expect(urlset.attributes.isEmpty)
        #expect(urlset.first("url")?.first("loc")?.text == "https://e.org/?a=1&b=2")
        let index = try #require(XMLElement.parse(SitemapWriter.index([SitemapURL(location: "https://e.org/sitemap-1.xml", lastModified: nil)])))
        #expect(index.name == "sitemapindex")
    }

    /// Only what XML 1.0 cannot hold is dropped: C0 controls but tab and newlines, U+FFFE and
    /// U+FFFF; their neighbours (DEL, U+FEFF, U+FFFD, other scalars led by EF) stay.
    @Test func cleanDropsOnlyWhatXMLCannotHold() {
        #expect(XMLWriter.clean("a\u{0}b\u{1}\u{1F}c\u{FFFE}d\u{FFFF}e") == "abcde")
        let kept = "tab\tline\ncr\r del\u{7F} \u{FEFF}\u{FFFD}\u{F900}\u{E000} é € 𝐛"
        #expect(XMLWriter.clean(kept) == kept)
        #expect(XMLWriter.clean(kept + "\u{B}") == kept)
    }

    /// Element text is escaped as libxml2's own writer escapes it (`< > & "` and CR; `'`, tabs,
    /// newlines and other scalars as they are), and an empty text still closes the start tag.
    @Test func elementTextEscapedAsLibxml2Does() {
        let xml = XMLWriter()
        xml.start("feed")
        xml.element("t", "<p class=\"x\">Tom & Jerry's</p>\r\n\t> é €", ["type": "html"])
        xml.element("e", "")
        xml.empty("n", [:])
        xml.end()
        #expect(String(decoding: xml.finish(), as: UTF8.self) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed>\n  <t type=\"html\">&lt;p class=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/p&gt;&#13;\n\t&gt; é €</t>\n  <e></e>\n  <n/>\n</feed>\n")
    }

    @Test func htmlAuditLinksAndIDs() {
        let links = HTMLAudit.read("<html lang=\"en\"><body><h1>T</h1><a href=\"a.html#x\" id=\"top\">a</a><img src=\"i.png\" alt=\"i\"><svg><use href=\"#icon-x\"></use></svg><p id=\"x\"></p></body></html>")
        #expect(links.references.map(\.value) == ["a.html#x", "i.png", "#icon-x"])
        #expect(links.ids == ["top", "x"])
        #expect(links.findings == [])
    }
}

@Suite struct HTMLAuditTests {
    @Test func findsWhatAReviewerWouldTripOver() {
        let audit = HTMLAudit.read("""
        <html><body>
        <h1>One</h1><h1>Two</h1>
        <h4>Skipped</h4>
        <img src="a.png">
        <a href="x.html"></a>
        <p id="d"></p><p id="d"></p>
        </body></html>
        """)
        #expect(audit.findings.map(\.message).sorted() == [
            "duplicate id 'd'",
            "heading level skipped: <h4> after <h1>",
            "image without alt text (a.png)",
            "link without text (x.html)",
            "the <html> element has no lang attribute",
            "the page has 2 <h1> elements; it should have exactly one",
        ])
    }
}
