import Foundation
import NewsroomXML
import Testing

/// Issue 3: the feeds and the sitemap, read back with libxml2 and checked field by field.
@Suite struct FeedAndSitemapTests {
    @Test func newsFeedFields() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let rss = try xml(site, "news/feed.xml")
        #expect(rss.name == "rss" && rss.attributes["version"] == "2.0")
        let channel = try #require(rss.first("channel"))
        let selfLink = try #require(channel.first("atom:link"))
        #expect(selfLink.attributes == ["href": "https://news.example.org/news/feed.xml", "rel": "self", "type": "application/rss+xml"])
        let items = channel.all("item")
        #expect(items.count == 10)
        let links = items.compactMap { $0.first("link")?.text }
        let guids = items.compactMap { $0.first("guid") }
        // The guid is the item's permanent id, not its URL: a renamed slug is not a new item.
        #expect(guids.count == links.count)
        #expect(zip(guids, links).allSatisfy { guid, link in
            guid.text.wholeMatch(of: /tag:news\.example\.org,\d{4}-\d{2}-\d{2}:[a-z0-9-]+/) != nil && guid.text.hasSuffix(":" + (link.split(separator: "/").last ?? ""))
        }, "\(guids.map(\.text))")
        #expect(Set(links).count == links.count)
        #expect(guids.allSatisfy { $0.attributes["isPermaLink"] == "false" })
        #expect(links.allSatisfy { $0.hasPrefix("https://news.example.org/news/") })
        let dates = items.compactMap { $0.first("pubDate")?.text }
        let rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/
        #expect(dates.count == 10 && dates.allSatisfy { $0.wholeMatch(of: rfc822) != nil })
        let parsed = dates.map(Self.parseRFC822)
        #expect(parsed == parsed.sorted(by: >))
        #expect(channel.first("lastBuildDate")?.text == dates.first)
        for item in items {
            let html = try #require(item.first("content:encoded")?.text)
            #expect(!html.contains("href=\"../") && !html.contains("src=\"../"))
            #expect((item.first("description")?.text ?? "").isEmpty == false)
        }
        let technology = try #require(try xml(site, "news/tags/technology/feed.xml").first("channel")).all("item")
        let twelve = try #require(technology.first { $0.first("link")?.text.contains("item-12") == true })
        #expect(twelve.first("content:encoded")?.text.contains("href=\"https://news.example.org/news/2022/07/item-01/\"") == true)
    }

    @Test func tagFeedsHoldOnlyTheirTag() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let feed = try xml(site, "news/tags/societe-civile/feed.xml")
        let channel = try #require(feed.first("channel"))
        #expect(channel.first("atom:link")?.attributes["href"] == "https://news.example.org/news/tags/societe-civile/feed.xml")
        let items = channel.all("item")
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.all("category").contains { $0.text == "Société civile" } })
    }

    @Test func feedIsByteIdenticalAndSchedulingAddsExactlyTheDueItem() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build(now: "2026-11-29T12:00:00Z")
        let first = try #require(site.read("news/feed.xml"))
        site.build(now: "2026-12-30T12:00:00Z")
        #expect(site.read("news/feed.xml") == first)
        let result = site.build(now: "2027-01-05T07:00:01Z")
        #expect(result.succeeded)
        let after = try #require(site.read("news/feed.xml"))
        let before = try #require(XMLElement.parse(first)?.first("channel")).all("item").compactMap { $0.first("link")?.text }
        let now = try #require(XMLElement.parse(after)?.first("channel")).all("item").compactMap { $0.first("link")?.text }
        #expect(now == ["https://news.example.org/news/2027/01/future-one/"] + before.dropLast())
        #expect(site.exists("news/2027/01/future-one/index.html"))
        #expect(!site.exists("news/2027/03/future-two/index.html"))
    }

    @Test func feedSettingsSummaryOnlyAndCount() throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nfeed:\n  items: 1\n  full_content: false"))
        defer { site.delete() }
        #expect(site.build().succeeded)
        let channel = try #require(try xml(site, "news/feed.xml").first("channel"))
        #expect(channel.all("item").count == 1)
        #expect(channel.first("item")?.first("content:encoded") == nil)
    }

    @Test func sitemapListsEveryPublishedPageOnce() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let urlset = try xml(site, "sitemap.xml")
        #expect(urlset.name == "urlset")
        let locations = urlset.all("url").compactMap { $0.first("loc")?.text }
        #expect(Set(locations).count == locations.count)
        #expect(locations.allSatisfy { $0.hasPrefix("https://news.example.org/") })
        let pages = site.outputTree().keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        // In the web's form: a folder's page without its `index.html`.
        let expected = pages.map { page in
            "https://news.example.org/" + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        }
        #expect(Set(locations) == Set(expected))
        let item = try #require(urlset.all("url").first { $0.first("loc")?.text.hasSuffix("item-12/") == true })
        #expect(item.first("lastmod")?.text == "2023-09-20T11:15:00+03:00")
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n")
    }

    /// Static `.html` files are pages too, except a `404.html` (a server's error page) and any
    /// that asks search engines to stay away (`<meta name="robots" content="noindex">`).
    @Test func staticHTMLIsInTheSitemap() throws {
        let site = try TestSite(Sites.valid + """

        -- site/static/reports/2024.html --
        <!DOCTYPE html><html lang="en"><head><title>Report</title></head><body><h1>Report</h1></body></html>
        -- site/static/campaign/index.html --
        <!DOCTYPE html><html lang="en"><head><title>Campaign</title></head><body><h1>Campaign</h1></body></html>
        -- site/static/errors/404.html --
        <!DOCTYPE html><html lang="en"><head><title>Gone</title></head><body><h1>Gone</h1></body></html>
        -- site/static/drafts/preview.html --
        <!DOCTYPE html><html lang="en"><head><META Name="Robots" content="NOINDEX, nofollow"><title>Preview</title></head><body><h1>Preview</h1></body></html>
        -- site/static/notes.txt --
        Not a page.
        """)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let locations = try xml(site, "sitemap.xml").all("url").compactMap { $0.first("loc")?.text }
        #expect(locations.contains("https://example.org/newsroom/reports/2024.html"))
        #expect(locations.contains("https://example.org/newsroom/campaign/"))
        for left in ["errors/404.html", "drafts/preview.html", "notes.txt"] {
            #expect(!locations.contains("https://example.org/newsroom/" + left), "\(left)")
        }
    }

    @Test func aliasesRedirectAndStayOutOfTheSitemap() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-moved.md --
        ---
        title: Moved
        date: 2023-05-01
        aliases: [/2019/old-name/, /legacy.html]
        ---
        Text.
        """)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let redirect = try #require(site.read("2019/old-name/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../news/2023/05/moved/index.html\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/newsroom/news/2023/05/moved/\">"))
        #expect(site.exists("legacy.html"))
        #expect(!(site.read("sitemap.xml") ?? "").contains("old-name"))
    }

    @Test func aliasOnARealPageIsAnErrorNamingBoth() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-moved.md --
        ---
        title: Moved
        date: 2023-05-01
        aliases: [/about/]
        ---
        Text.
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == [
            "site/content/news/2023-05-01-moved.md:4:11: error: 'about/index.html' would be written twice: by site/content/pages/about.md and by the alias '/about/' in site/content/news/2023-05-01-moved.md",
        ])
    }

    private func xml(_ site: TestSite, _ path: String) throws -> XMLElement {
        try #require(site.read(path).flatMap(XMLElement.parse), "\(path) is missing or not well-formed")
    }

    static func parseRFC822(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.date(from: text) ?? .distantPast
    }
}
