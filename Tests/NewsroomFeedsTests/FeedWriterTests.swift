import Foundation
import NewsroomXML
import Testing
@testable import NewsroomFeeds

/// The writers, each from one feed model: what each format says, escaped.
@Suite struct FeedWriterTests {
    static let date = FeedDate(rfc822: "Tue, 21 Mar 2023 10:00:00 +0200", rfc3339: "2023-03-21T10:00:00+02:00")

    static func entry(_ number: Int, content: String? = "<p>x</p>", image: FeedImage? = nil) -> FeedEntry {
        FeedEntry(
            id: "tag:e.org,2023-03-21:item-\(number)", title: "Item \(number)", url: "https://e.org/news/2023/03/item-\(number)/",
            published: date, updated: nil, summary: "Summary \(number)", contentHTML: content, categories: ["a&b"], author: nil, image: image
        )
    }

    /// A writer's bytes as text, for reading them back.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func feed(_ entries: [FeedEntry], hubs: [String] = []) -> Feed {
        Feed(title: "News & <views>", description: "]]> and \u{1} control", language: "en", homeURL: "https://e.org/news/",
             selfURL: "https://e.org/news/feed.xml", author: "E", hubs: hubs, updated: date, entries: entries)
    }

    @Test func rssEscapesEverythingAndUsesThePermanentID() throws {
        var first = Self.entry(1, content: "<p>x</p>]]>")
        first.title = "</title><script>"
        let xml = Self.text(RSSWriter.write(Self.feed([first])))
        let channel = try #require(XMLElement.parse(xml)?.first("channel"))
        #expect(channel.first("title")?.text == "News & <views>")
        #expect(channel.first("description")?.text == "]]> and  control")
        let item = try #require(channel.first("item"))
        #expect(item.first("title")?.text == "</title><script>")
        #expect(item.first("content:encoded")?.text == "<p>x</p>]]>")
        #expect(item.first("category")?.text == "a&b")
        #expect(item.first("guid")?.text == "tag:e.org,2023-03-21:item-1")
        #expect(item.first("guid")?.attributes["isPermaLink"] == "false")
        #expect(!xml.contains("<script>"))
    }

    @Test func heroImageInEachFormat() throws {
        let image = FeedImage(url: "https://e.org/news/2023/03/item-1/hero.jpg", mediaType: "image/jpeg", length: 1234, alt: "A court")
        let feed = Self.feed([Self.entry(1, image: image)], hubs: ["https://hub.example/"])
        let rss = try #require(XMLElement.parse(Self.text(RSSWriter.write(feed)))?.first("channel"))
        #expect(rss.first("item")?.first("enclosure")?.attributes == ["url": image.url, "length": "1234", "type": "image/jpeg"])
        let media = try #require(rss.first("item")?.first("media:content"))
        #expect(media.attributes == ["url": image.url, "medium": "image", "type": "image/jpeg", "fileSize": "1234"])
        #expect(media.first("media:description")?.text == "A court")
        #expect(rss.all("atom:link").map { $0.attributes["rel"] } == ["self", "hub"])

        let atom = try #require(XMLElement.parse(Self.text(AtomWriter.write(feed))))
        let links = try #require(atom.first("entry")).all("link")
        #expect(links.map { $0.attributes["rel"] } == ["alternate", "enclosure"])
        #expect(links[1].attributes == ["rel": "enclosure", "type": "image/jpeg", "length": "1234", "href": image.url])
        #expect(atom.all("link").contains { $0.attributes == ["rel": "hub", "href": "https://hub.example/"] })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONFeedWriter.write(feed))) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.first?["image"] as? String == image.url)
        #expect((json["hubs"] as? [[String: String]]) == [["type": "WebSub", "url": "https://hub.example/"]])
    }

    @Test func anImageOnAnotherSiteHasNoEnclosure() throws {
        let image = FeedImage(url: "https://cdn.example/x.png", mediaType: "image/png", length: nil, alt: "")
        let rss = try #require(XMLElement.parse(Self.text(RSSWriter.write(Self.feed([Self.entry(1, image: image)]))))?.first("channel")?.first("item"))
        #expect(rss.first("enclosure") == nil)
        #expect(rss.first("media:content")?.attributes == ["url": image.url, "medium": "image", "type": "image/png"])
        let atom = try #require(XMLElement.parse(Self.text(AtomWriter.write(Self.feed([Self.entry(1, image: image)]))))?.first("entry"))
        #expect(atom.all("link").map { $0.attributes["rel"] } == ["alternate"])
    }

    @Test func jsonFeedHasContentEitherWay() throws {
        let feed = Self.feed([Self.entry(1), Self.entry(2, content: nil)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONFeedWriter.write(feed))) as? [String: Any])
        #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items[0]["content_html"] as? String == "<p>x</p>" && items[0]["content_text"] == nil)
        #expect(items[1]["content_text"] as? String == "Summary 2" && items[1]["content_html"] == nil)
        #expect(items.map { $0["id"] as? String } == ["tag:e.org,2023-03-21:item-1", "tag:e.org,2023-03-21:item-2"])
    }

    @Test func emptyFeedsAreStillValid() throws {
        var feed = Self.feed([])
        feed.updated = nil
        let atom = try #require(XMLElement.parse(Self.text(AtomWriter.write(feed))))
        #expect(atom.first("updated")?.text == AtomWriter.epoch)
        #expect(Self.text(RSSWriter.write(feed)).contains("<channel>"))
        #expect(FeedSizeCap.write(feed, as: .json, maxBytes: 10) == JSONFeedWriter.write(feed))
    }
}

/// The cap: oldest entries lose their content first, then drop out, until the file fits.
@Suite struct FeedSizeCapTests {
    static let body = "<p>" + String(repeating: "words ", count: 400) + "</p>"

    static func feed(count: Int) -> Feed {
        FeedWriterTests.feed((1...count).map { FeedWriterTests.entry($0, content: body) })
    }

    @Test(arguments: FeedFormat.allCases)
    func oldestLoseContentFirst(format: FeedFormat) {
        let feed = Self.feed(count: 10)
        let whole = format.write(feed).count
        let cap = whole - 3 * Self.body.utf8.count
        let written = FeedSizeCap.write(feed, as: format, maxBytes: cap)
        #expect(written.count <= cap)
        for number in 1...10 { #expect(FeedWriterTests.text(written).contains("Item \(number)")) }
        // The fewest oldest entries stripped of their bodies that fit, found one by one.
        func stripped(_ oldest: Int) -> [UInt8] {
            var trimmed = feed
            for index in (10 - oldest)..<10 { trimmed.entries[index].contentHTML = nil }
            return format.write(trimmed)
        }
        let fewest = (1...10).first { stripped($0).count <= cap }
        #expect(fewest.map { (3...4).contains($0) } == true)
        #expect(fewest.map(stripped) == written)
    }

    @Test(arguments: FeedFormat.allCases)
    func thenTheOldestDropOut(format: FeedFormat) {
        let feed = Self.feed(count: 10)
        var summaries = feed
        for index in summaries.entries.indices { summaries.entries[index].contentHTML = nil }
        let cap = format.write(summaries).count - 1
        let written = FeedSizeCap.write(feed, as: format, maxBytes: cap)
        #expect(written.count <= cap)
        summaries.entries.removeLast()
        #expect(written == format.write(summaries))
    }

    @Test func underTheCapNothingChanges() {
        let feed = Self.feed(count: 3)
        #expect(FeedSizeCap.write(feed, as: .rss, maxBytes: 1 << 20) == RSSWriter.write(feed))
    }
}

/// The cap's search against a plain scan, on feeds whose entries differ in size.
@Suite struct FeedSizeCapSearchTests {
    @Test func agreesWithAScanOneEntryAtATime() {
        var state: UInt64 = 17
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<12 {
            let entries = (1...(5 + random(40))).map { number in
                FeedWriterTests.entry(number, content: "<p>" + String(repeating: "x", count: 50 + random(3000)) + "</p>")
            }
            let feed = FeedWriterTests.feed(entries)
            let format = FeedFormat.allCases[round % 3]
            let whole = format.write(feed).count
            let cap = 600 + random(whole)
            // The first of: k oldest stripped, for k = 0, 1, …; then all stripped and k oldest dropped.
            var candidates: [Feed] = []
            for oldest in 0...entries.count {
                var trimmed = feed
                for index in (entries.count - oldest)..<entries.count { trimmed.entries[index].contentHTML = nil }
                candidates.append(trimmed)
            }
            var summaries = candidates.last!
            for _ in entries.indices {
                summaries.entries.removeLast()
                candidates.append(summaries)
            }
            let expected = candidates.map(format.write).first { $0.count <= cap } ?? format.write(summaries)
            #expect(FeedSizeCap.write(feed, as: format, maxBytes: cap) == expected, "round \(round), cap \(cap) of \(whole)")
        }
    }
}
