import Testing
@testable import NewsroomXML

@Suite struct WriterTests {
    @Test func rssEscapesEverythingAndKeepsOrder() throws {
        let xml = RSSWriter.write(RSSChannel(
            title: "News & <views>", link: "https://e.org/news/", description: "]]> and \u{1} control",
            language: "en", selfURL: "https://e.org/news/feed.xml", lastBuildDate: "Tue, 21 Mar 2023 10:00:00 +0200",
            items: [RSSItem(title: "</title><script>", link: "https://e.org/a/", pubDate: "Tue, 21 Mar 2023 10:00:00 +0200",
                            summary: "s", contentHTML: "<p>x</p>]]>", categories: ["a&b"])]
        ))
        let root = try #require(XMLElement.parse(xml))
        let channel = try #require(root.first("channel"))
        #expect(channel.first("title")?.text == "News & <views>")
        #expect(channel.first("description")?.text == "]]> and  control")
        let item = try #require(channel.first("item"))
        #expect(item.first("title")?.text == "</title><script>")
        #expect(item.first("content:encoded")?.text == "<p>x</p>]]>")
        #expect(item.first("category")?.text == "a&b")
        #expect(!xml.contains("<script>"))
    }

    @Test func sitemapAndIndex() throws {
        let urlset = try #require(XMLElement.parse(SitemapWriter.urlSet([SitemapURL(location: "https://e.org/?a=1&b=2", lastModified: "2023-03-21")])))
        #expect(urlset.attributes.isEmpty)
        #expect(urlset.first("url")?.first("loc")?.text == "https://e.org/?a=1&b=2")
        let index = try #require(XMLElement.parse(SitemapWriter.index([SitemapURL(location: "https://e.org/sitemap-1.xml", lastModified: nil)])))
        #expect(index.name == "sitemapindex")
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
