import Foundation
import NewsroomXML
import Testing

/// Links that leave their page keep working: fragment links inside feed content become
/// absolute, and alias redirects carry the `#fragment` they were opened with.
@Suite struct KeptLinkTests {
    @Test(arguments: [false, true])
    func feedContentFragmentsAreAbsolute(_ rawHTML: Bool) throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nraw_html: \(rawHTML)") + """

        -- site/content/news/2023-05-01-noted.md --
        ---
        title: Noted
        date: 2023-05-01
        ---
        A claim[^1], see [below](#more).

        ## More

        [^1]: The source.
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let text = try #require(site.read("news/feed.xml"))
        let channel = try #require(XMLElement.parse(text)?.first("channel"))
        let item = try #require(channel.all("item").first { $0.first("title")?.text == "Noted" })
        let html = try #require(item.first("content:encoded")?.text)
        let permalink = "https://example.org/newsroom/news/2023/05/noted/"
        #expect(html.contains("<a href=\"\(permalink)#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"), "\(html)")
        #expect(html.contains("<a href=\"\(permalink)#more\">below</a>"), "\(html)")
        #expect(html.contains("<a href=\"\(permalink)#fnref-1\" class=\"footnote-backref\""), "\(html)")
        #expect(!html.contains("=\"#"), "\(html)")
        // The page itself keeps its short in-page links.
        let page = try #require(site.read("news/2023/05/noted/index.html"))
        #expect(page.contains("<a href=\"#more\">below</a>"))
    }

    @Test func rawHTMLFragmentsInFeedContentAreAbsoluteWhateverTheQuotes() throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nraw_html: true") + """

        -- site/content/news/2023-05-01-noted.md --
        ---
        title: Noted
        date: 2023-05-01
        ---
        <a href='#top' id="top">top</a> <a href=#end id=end>end</a> <img src="#x" alt="" id="x">

        Text with href=#not-a-link and `<a href="#x">` written out.
        """)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let text = try #require(site.read("news/feed.xml"))
        let channel = try #require(XMLElement.parse(text)?.first("channel"))
        let item = try #require(channel.all("item").first { $0.first("title")?.text == "Noted" })
        let html = try #require(item.first("content:encoded")?.text)
        let permalink = "https://example.org/newsroom/news/2023/05/noted/"
        #expect(html.contains("<a href='\(permalink)#top' id=\"top\">top</a> <a href=\(permalink)#end id=end>end</a> <img src=\"\(permalink)#x\" alt=\"\" id=\"x\">"), "\(html)")
        #expect(html.contains("Text with href=#not-a-link and <code>&lt;a href=&quot;#x&quot;&gt;</code> written out."), "\(html)")
    }

    @Test func aliasPageKeepsTheFragment() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-moved.md --
        ---
        title: Moved
        date: 2023-05-01
        aliases: [/2019/old-name/]
        ---
        Text.
        """)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let redirect = try #require(site.read("2019/old-name/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../news/2023/05/moved/index.html\">"), "\(redirect)")
        #expect(redirect.contains("<script>location.replace(\"../../news/2023/05/moved/index.html\" + location.hash)</script>"), "\(redirect)")
        #expect(redirect.contains("<a href=\"../../news/2023/05/moved/index.html\">"), "\(redirect)")
    }
}
