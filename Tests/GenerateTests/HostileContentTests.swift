import Foundation
import NewsroomXML
import Testing
@testable import Newsroom

/// Issue 6.4: hostile text in every field comes out inert in every context it lands in.
@Suite struct HostileContentTests {
    static let payload = #"<script>alert(1)</script>"><img src=x onerror=alert(2)>]]>{{ site.title }}{{{x}}}"#

    func hostileSite() throws -> TestSite {
        let site = try TestSite("""
        -- site/site.yml --
        title: '\(Self.payload)'
        description: '\(Self.payload)'
        base_url: https://example.org/
        theme: minimal
        menu:
          - label: '\(Self.payload)'
            url: /news/
        banner:
          text: '\(Self.payload)'
          cta: '\(Self.payload)'
          url: https://example.org/give
        -- site/content/news/2023-05-01-attack.md --
        ---
        title: '\(Self.payload)'
        date: 2023-05-01
        summary: '\(Self.payload)'
        tags: ['\(Self.payload)']
        location: '\(Self.payload)'
        author: '\(Self.payload)'
        ---
        Body with [a link](javascript:alert(3)) and [another](JaVaScRiPt:alert(4)) and <script>alert(5)</script>.
        """)
        return site
    }

    @Test func htmlPagesHoldNoLiveMarkup() throws {
        let site = try hostileSite()
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        for (path, data) in site.outputTree() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("javascript:"), "\(path)")
            #expect(!html.contains("\"><img"), "\(path)")
            #expect(!html.lowercased().contains("href=\"javascript"), "\(path)")
        }
        let page = try #require(site.read("news/2023/05/attack/index.html"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;]]&gt;{{ site.title }}{{{x}}}"))
        #expect(result.diagnostics.filter { $0.message.contains("'javascript:' links are removed") }.count == 2)
    }

    @Test func jsonLDInAPageParsesBack() throws {
        let site = try hostileSite()
        defer { site.delete() }
        let theme = site.themes.appendingPathComponent("minimal/layouts/item.mustache")
        let layout = try String(contentsOf: theme, encoding: .utf8).replacingOccurrences(of: "<article>", with: "<article><script type=\"application/ld+json\">{{{json_ld}}}</script>")
        try layout.write(to: theme, atomically: true, encoding: .utf8)
        #expect(site.build().succeeded)
        let page = try #require(site.read("news/2023/05/attack/index.html"))
        let json = try #require(page.firstMatch(of: #/<script type="application/ld\+json">(.*?)</script>/#)).1
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["headline"] as? String == Self.payload)
        #expect(page.components(separatedBy: "</script>").count == 2)
    }

    @Test func feedAndSitemapStayWellFormedAndInert() throws {
        let site = try hostileSite()
        defer { site.delete() }
        #expect(site.build().succeeded)
        for path in ["news/feed.xml", "sitemap.xml"] {
            let xml = try #require(site.read(path))
            #expect(XMLElement.parse(xml) != nil, "\(path) is not well-formed")
            #expect(!xml.contains("<script>"))
        }
        let channel = try #require(site.read("news/feed.xml").flatMap(XMLElement.parse)?.first("channel"))
        #expect(channel.first("item")?.first("title")?.text == Self.payload)
    }

    @Test func unsafeURLsInSiteYmlAreErrors() throws {
        let site = try TestSite(Sites.valid + """

        -- site/site.yml --
        title: T
        base_url: https://example.org/
        theme: minimal
        menu:
          - label: Bad
            url: javascript:alert(1)
        social:
          - icon: star
            url: "javascript:alert(2)"
        banner:
          text: t
          cta: c
          url: vbscript:msgbox
        newsletter:
          action: "data:text/html,<script>alert(1)</script>"
        """)
        defer { site.delete() }
        let messages = site.build().diagnostics.map(\.description)
        #expect(messages.contains("site/site.yml:6:10: error: 'menu.url' must be an http(s), mailto: or relative URL, not 'javascript:…'"))
        #expect(messages.contains("site/site.yml:9:10: error: 'social.url' must be an http(s), mailto: or relative URL, not 'javascript:…'"))
        #expect(messages.contains("site/site.yml:13:8: error: 'banner.url' must be an http(s), mailto: or relative URL, not 'vbscript:…'"))
        #expect(messages.contains("site/site.yml:15:11: error: 'newsletter.action' must be an http(s), mailto: or relative URL, not 'data:…'"))
    }
}
