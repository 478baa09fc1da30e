import Foundation
import Testing
@testable import NewsroomFeeds

/// The JSON feed written by hand against the same feed encoded by `JSONEncoder`, the way it was
/// written before: the bytes must not change.
@Suite struct JSONFeedLayoutTests {
    /// Characters that take every path of the string escaping, and some that must pass as they are.
    static let pieces = [
        "a", "Court", " ", "\"", "\\", "/", "</p>", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}", "\u{C}",
        "\u{D}", "\u{1B}", "\u{1F}", "\u{7F}", "é", "€", "“", "\u{2028}", "\u{2029}", "\u{FEFF}", "𝐛", "&amp;", "'",
    ]

    /// A small seeded generator: the cases are the same on every run.
    struct Random {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func text() -> String {
            (0..<next(6)).map { _ in JSONFeedLayoutTests.pieces[next(JSONFeedLayoutTests.pieces.count)] }.joined()
        }

        mutating func maybe(_ text: String) -> String? {
            next(2) == 0 ? nil : text
        }
    }

    static func date(_ random: inout Random) -> FeedDate {
        FeedDate(rfc822: "", rfc3339: "2023-03-\(10 + random.next(18))T10:00:00+02:00")
    }

    static func feed(seed: UInt64) -> Feed {
        var random = Random(state: seed)
        let entries = (0..<random.next(4)).map { _ in
            FeedEntry(
                id: random.text(), title: random.text(), url: random.text(), published: date(&random),
                updated: random.next(2) == 0 ? nil : date(&random), summary: random.text(), contentHTML: random.maybe(random.text()),
                categories: (0..<random.next(3)).map { _ in random.text() }, author: random.maybe(random.text()),
                image: random.next(2) == 0 ? nil : FeedImage(url: random.text(), mediaType: nil, length: nil, alt: "")
            )
        }
        return Feed(
            title: random.text(), description: random.next(2) == 0 ? "" : random.text(), language: random.text(),
            homeURL: random.text(), selfURL: random.text(), author: random.text(),
            hubs: (0..<random.next(3)).map { _ in random.text() }, updated: nil, entries: entries
        )
    }

    @Test(arguments: 0..<200)
    func handWrittenFeedIsWhatTheEncoderWrote(seed: UInt64) throws {
        let feed = Self.feed(seed: seed)
        #expect(String(decoding: JSONFeedWriter.write(feed), as: UTF8.self) == (try Self.encoded(feed)))
    }

    /// The feed as `JSONEncoder` writes it, from a mirror of JSON Feed's fields.
    static func encoded(_ feed: Feed) throws -> String {
        let document = Document(
            version: JSONFeedWriter.version, title: feed.title, homePageURL: feed.homeURL, feedURL: feed.selfURL,
            description: feed.description.isEmpty ? nil : feed.description, language: feed.language,
            authors: [Author(name: feed.author)], hubs: feed.hubs.isEmpty ? nil : feed.hubs.map { Hub(type: "WebSub", url: $0) },
            items: feed.entries.map(Item.init)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var version, title, homePageURL, feedURL: String
        var description: String?
        var language: String
        var authors: [Author]
        var hubs: [Hub]?
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, authors, hubs, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    struct Author: Encodable {
        var name: String
    }

    struct Hub: Encodable {
        var type, url: String
    }

    struct Item: Encodable {
        var id, url, title, summary: String
        var contentHTML, contentText: String?
        var datePublished: String
        var dateModified: String?
        var authors: [Author]?
        var tags: [String]?
        var image: String?

        enum CodingKeys: String, CodingKey {
            case id, url, title, summary, authors, tags, image
            case contentHTML = "content_html"
            case contentText = "content_text"
            case datePublished = "date_published"
            case dateModified = "date_modified"
        }

        init(_ entry: FeedEntry) {
            id = entry.id
            url = entry.url
            title = entry.title
            summary = entry.summary
            contentHTML = entry.contentHTML
            contentText = entry.contentHTML == nil ? entry.summary : nil
            datePublished = entry.published.rfc3339
            dateModified = entry.updated?.rfc3339
            authors = entry.author.map { [Author(name: $0)] }
            tags = entry.categories.isEmpty ? nil : entry.categories
            image = entry.image?.url
        }
    }
}
