import Foundation

/// Writes a feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), keys sorted so the same
/// feed is the same bytes.
public enum JSONFeedWriter {
    public static let version = "https://jsonfeed.org/version/1.1"

    public static func write(_ feed: Feed) -> String {
        let document = Document(
            version: version,
            title: feed.title,
            homePageURL: feed.homeURL,
            feedURL: feed.selfURL,
            description: feed.description.isEmpty ? nil : feed.description,
            language: feed.language,
            authors: [Author(name: feed.author)],
            hubs: feed.hubs.isEmpty ? nil : feed.hubs.map { Hub(type: "WebSub", url: $0) },
            items: feed.entries.map(Item.init)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only strings, arrays and objects of them: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var version: String
        var title: String
        var homePageURL: String
        var feedURL: String
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

    private struct Author: Encodable {
        var name: String
    }

    private struct Hub: Encodable {
        var type: String
        var url: String
    }

    private struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var summary: String
        /// One of the two is always there: the spec requires content.
        var contentHTML: String?
        var contentText: String?
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
