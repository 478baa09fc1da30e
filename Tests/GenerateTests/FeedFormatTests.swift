import Foundation
import ImageFixtures
import NewsroomXML
import Testing
@testable import Newsroom

/// Issue 17: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and each tag, checked by
/// validators other than our own code, with permanent ids, enclosures, hubs and absolute URLs.
@Suite struct FeedFormatTests {
    /// `Sites.valid` with a WebSub hub, a JPEG hero in a bundle, an outside hero, and raw HTML
    /// whose `srcset`, `src` and `href` must come out absolute in every format.
    static func site() throws -> TestSite {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nraw_html: true\nwebsub:\n  hub: https://hub.example.net/") + """

        -- site/content/news/2023-05-01-pictures/index.md --
        ---
        id: tag:example.org,2023-05-01:pictures
        title: Pictures
        author: Press Office
        tags: [Romania]
        image:
          src: hero.jpg
          alt: A courtroom
        ---
        <img src="hero.jpg" srcset="hero.jpg 1x, /images/logo.svg 2x" alt="Hero"> and <a href="../2023-03-21-first.md#details">first</a>.
        -- site/content/news/2023-05-02-outside.md --
        ---
        id: tag:example.org,2023-05-02:outside
        title: Outside
        image:
          src: https://cdn.example.net/photos/x.png?w=800
          alt: A street
        ---
        Text.
        """)
        try site.writeData(ImageFixtures.phoneJPEG(width: 400, height: 300), to: "site/content/news/2023-05-01-pictures/hero.jpg")
        return site
    }

    @Test func everyFeedPassesTheValidators() throws {
        let site = try Self.site()
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let outcome = try FeedValidator.check(site.output)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        // The news listing and its two tags, each in three formats, and the sitemap.
        #expect(lines.last == "10 passed, 0 failed", "\(outcome.stdout)")
        for format in ["feed.xml", "atom.xml", "feed.json"] {
            #expect(lines.contains { $0.hasSuffix("/news/\(format): 4 items: ok") }, "\(outcome.stdout)")
        }
    }

    /// The validators are not a formality: a feed that breaks their rules fails.
    @Test func theValidatorsRejectBrokenFeeds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-broken-\(UUID().uuidString)/news")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><updated>2024-01-01</updated>
        <entry><id>tag:e.org,2024:a</id><title>A</title><updated>2024-01-01T00:00:00Z</updated>
        <link rel="alternate" type="text/html" href="https://e.org/a/"/><link rel="alternate" type="text/html" href="https://e.org/b/"/>
        <content type="html">&lt;img src="../a.png"&gt;</content></entry></feed>
        """.write(to: folder.appendingPathComponent("atom.xml"), atomically: true, encoding: .utf8)
        try #"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1", "title": "no content"}]}"#
            .write(to: folder.appendingPathComponent("feed.json"), atomically: true, encoding: .utf8)
        let outcome = try FeedValidator.check(folder.deletingLastPathComponent())
        #expect(outcome.status == 1)
        let atom = outcome.stdout.split(separator: "\n").first { $0.contains("atom.xml") }.map(String.init) ?? ""
        for rule in ["needs exactly one atom:id", "not an RFC 3339 date-time", "two rel=alternate links", "no atom:author", "relative URLs in content"] {
            #expect(atom.contains(rule), "\(atom)")
        }
        #expect(outcome.stdout.contains("feed.json: 1 items: FAIL schema"), "\(outcome.stdout)")
    }

    @Test func entriesCarryIdsEnclosuresHubsAndAbsoluteURLs() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let base = "https://example.org/newsroom/news/2023/05/pictures/"
        let rss = try #require(site.read("news/feed.xml").flatMap(XMLElement.parse)?.first("channel"))
        #expect(rss.all("atom:link").contains { $0.attributes == ["href": "https://hub.example.net/", "rel": "hub"] })
        let item = try #require(rss.all("item").first { $0.first("title")?.text == "Pictures" })
        #expect(item.first("guid")?.text == "tag:example.org,2023-05-01:pictures")
        #expect(item.first("link")?.text == base)
        // The hero is announced by its social crop; the length is that published file's, in bytes.
        let length = String(try #require(site.outputTree()["news/2023/05/pictures/hero-social.jpg"]).count)
        #expect(item.first("enclosure")?.attributes == ["url": base + "hero-social.jpg", "length": length, "type": "image/jpeg"])
        #expect(item.first("media:content")?.attributes["fileSize"] == length)
        let html = try #require(item.first("content:encoded")?.text)
        #expect(html.contains("src=\"\(base)hero.jpg\""), "\(html)")
        #expect(html.contains("srcset=\"\(base)hero.jpg 1x, https://example.org/newsroom/images/logo.svg 2x\""), "\(html)")
        #expect(html.contains("href=\"https://example.org/newsroom/news/2023/03/first/#details\""), "\(html)")
        let outside = try #require(rss.all("item").first { $0.first("title")?.text == "Outside" })
        #expect(outside.first("enclosure") == nil)
        #expect(outside.first("media:content")?.attributes == ["url": "https://cdn.example.net/photos/x.png?w=800", "medium": "image", "type": "image/png"])

        let atom = try #require(site.read("news/atom.xml").flatMap(XMLElement.parse))
        #expect(atom.all("link").contains { $0.attributes == ["rel": "hub", "href": "https://hub.example.net/"] })
        let entry = try #require(atom.all("entry").first { $0.first("title")?.text == "Pictures" })
        #expect(entry.first("id")?.text == "tag:example.org,2023-05-01:pictures")
        #expect(entry.all("link").contains { $0.attributes == ["rel": "enclosure", "type": "image/jpeg", "length": length, "href": base + "hero-social.jpg"] })
        #expect(entry.first("author")?.first("name")?.text == "Press Office")
        #expect(entry.all("category").map { $0.attributes["term"] } == ["Romania"])

        let json = try #require(try JSONSerialization.jsonObject(with: Data((site.read("news/feed.json") ?? "").utf8)) as? [String: Any])
        #expect((json["hubs"] as? [[String: String]]) == [["type": "WebSub", "url": "https://hub.example.net/"]])
        #expect(json["feed_url"] as? String == "https://example.org/newsroom/news/feed.json")
        let items = try #require(json["items"] as? [[String: Any]])
        let pictures = try #require(items.first { $0["title"] as? String == "Pictures" })
        #expect(pictures["id"] as? String == "tag:example.org,2023-05-01:pictures")
        #expect(pictures["image"] as? String == base + "hero-social.jpg")
        #expect(pictures["tags"] as? [String] == ["Romania"])
    }

    /// The enclosure's length follows the published file: a rebuild after the image alone
    /// changed writes the new length, as a clean build would.
    @Test func aChangedImageChangesTheEnclosureOnARebuild() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = try #require(site.outputTree()["news/2023/05/pictures/hero-social.jpg"])
        try site.writeData(ImageFixtures.phoneJPEG(width: 640, height: 480, orientation: 1), to: "site/content/news/2023-05-01-pictures/hero.jpg")
        #expect(site.build().succeeded)
        let after = try #require(site.outputTree()["news/2023/05/pictures/hero-social.jpg"])
        #expect(after.count != before.count)
        for file in ["news/feed.xml", "news/atom.xml", "news/tags/romania/feed.xml"] {
            #expect(site.read(file)?.contains("length=\"\(after.count)\"") == true, "\(file)")
        }
        let clean = site.root.appendingPathComponent("clean")
        #expect(site.build { $0.output = clean }.succeeded)
        #expect(Fixtures.tree(at: clean) == site.outputTree())
    }

    /// Every page announces the site's feeds; a tag page its own too, each with its type.
    @Test func pagesAnnounceEveryFormat() throws {
        let site = try Self.site()
        defer { site.delete() }
        try site.useDefaultTheme()
        #expect(site.build().succeeded)
        let page = try #require(site.read("news/tags/romania/index.html"))
        let links = page.split(separator: "\n").filter { $0.hasPrefix("<link rel=\"alternate\"") }
        #expect(links == [
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Test News (RSS)\" href=\"https://example.org/newsroom/news/feed.xml\">",
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test News (Atom)\" href=\"https://example.org/newsroom/news/atom.xml\">",
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Test News (JSON Feed)\" href=\"https://example.org/newsroom/news/feed.json\">",
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Romania – Test News (RSS)\" href=\"https://example.org/newsroom/news/tags/romania/feed.xml\">",
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Romania – Test News (Atom)\" href=\"https://example.org/newsroom/news/tags/romania/atom.xml\">",
            "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Romania – Test News (JSON Feed)\" href=\"https://example.org/newsroom/news/tags/romania/feed.json\">",
        ])
        let item = try #require(site.read("news/2023/05/pictures/index.html"))
        #expect(item.contains("<link rel=\"canonical\" href=\"https://example.org/newsroom/news/2023/05/pictures/\">"))
        #expect(item.contains("<meta property=\"og:url\" content=\"https://example.org/newsroom/news/2023/05/pictures/\">"))
        #expect(item.contains("\"mainEntityOfPage\":\"https://example.org/newsroom/news/2023/05/pictures/\""))
        // Links between pages still name their file, for file://.
        #expect(item.contains("href=\"../../03/first/index.html#details\""), "\(item)")
    }

    /// A renamed slug (the old URL kept as an alias) is the same entry to every reader.
    @Test func renamingASlugKeepsTheIdInEveryFormat() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let formats = ["news/feed.xml", "news/atom.xml"]
        let before = try formats.map { try FeedValidator.ids(site.output.appendingPathComponent($0)) }
        let jsonBefore = try jsonIDs(site)
        #expect(before.allSatisfy { $0.contains("tag:example.org,2023-05-01:pictures") })
        let source = site.site.appendingPathComponent("content/news/2023-05-01-pictures/index.md")
        let text = try String(contentsOf: source, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Pictures\n", with: "title: Pictures\nslug: courtroom-pictures\naliases: [/news/2023/05/pictures/]\n")
            .write(to: source, atomically: true, encoding: .utf8)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(site.exists("news/2023/05/courtroom-pictures/index.html"))
        let after = try formats.map { try FeedValidator.ids(site.output.appendingPathComponent($0)) }
        #expect(after == before)
        #expect(try jsonIDs(site) == jsonBefore)
        #expect(site.read("news/feed.xml")?.contains("<link>https://example.org/newsroom/news/2023/05/courtroom-pictures/</link>") == true)
    }

    private func jsonIDs(_ site: TestSite) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data((site.read("news/feed.json") ?? "").utf8)) as? [String: Any])
        return (json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// Past `feed.max_bytes` the oldest items lose their bodies, then drop out; every file fits.
    @Test func sizeCapKeepsEveryFeedUnderIt() throws {
        let body = "Opening line.\n\n" + String(repeating: "A paragraph of testimony that goes on for a while. ", count: 40)
        let items = (1...12).map { number in
            let day = PublicationDate.pad(number)
            return """
            -- site/content/news/2024-03-\(day)-long-\(number).md --
            ---
            id: tag:example.org,2024-03-\(day):long-\(number)
            title: Long \(number)
            ---
            \(body)
            """
        }.joined(separator: "\n")
        let archive = Sites.valid + "\n" + items
        func build(maxBytes: Int) throws -> TestSite {
            let site = try TestSite(archive.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nfeed:\n  items: 14\n  max_bytes: \(maxBytes)"))
            #expect(site.build().succeeded)
            #expect(try FeedValidator.check(site.output).status == 0)
            return site
        }
        let roomy = try build(maxBytes: 16384)
        defer { roomy.delete() }
        for file in ["news/feed.xml", "news/atom.xml", "news/feed.json"] {
            let text = try #require(roomy.read(file))
            #expect(text.utf8.count <= 16384, "\(file): \(text.utf8.count) bytes")
            #expect(text.utf8.count > 12288, "\(file) gave up more than it had to: \(text.utf8.count) bytes")
            #expect(text.contains("Long 12") && text.contains("First item"), "\(file)")
        }
        let rss = try #require(roomy.read("news/feed.xml").flatMap(XMLElement.parse)?.first("channel")).all("item")
        #expect(rss.count == 14)
        // The newest keep their bodies, the oldest only their summaries.
        #expect(rss.first?.first("content:encoded") != nil)
        #expect(rss.last?.first("content:encoded") == nil)
        let kept = rss.map { $0.first("content:encoded") != nil }
        #expect(kept == kept.sorted { $0 && !$1 }, "bodies kept out of order: \(kept)")

        let tight = try build(maxBytes: 4096)
        defer { tight.delete() }
        for file in ["news/feed.xml", "news/atom.xml", "news/feed.json"] {
            let text = try #require(tight.read(file))
            #expect(text.utf8.count <= 4096, "\(file): \(text.utf8.count) bytes")
            #expect(text.contains("Long 12") && !text.contains("First item") && !text.contains("testimony"), "\(file)")
        }
    }
}
