/// Writes a feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1), keys sorted so the same
/// feed is the same bytes, laid out as `JSONEncoder` lays it out (`PrettyJSON`).
public enum JSONFeedWriter {
    public static let version = "https://jsonfeed.org/version/1.1"

    public static func write(_ feed: Feed) -> [UInt8] {
        var json = PrettyJSON()
        // Keys in sorted order, as `JSONEncoder` with `.sortedKeys` writes them.
        json.object { json in
            json.key("authors")
            authors(feed.author, &json)
            json.member("description", feed.description.isEmpty ? nil : feed.description)
            json.member("feed_url", feed.selfURL)
            json.member("home_page_url", feed.homeURL)
            if !feed.hubs.isEmpty {
                json.key("hubs")
                json.array(of: feed.hubs) { json, hub in
                    json.object { json in
                        json.member("type", "WebSub")
                        json.member("url", hub)
                    }
                }
            }
            json.key("items")
            json.array(of: feed.entries) { json, entry in item(entry, &json) }
            json.member("language", feed.language)
            json.member("title", feed.title)
            json.member("version", version)
        }
        json.append("\n")
        return json.bytes
    }

    private static func item(_ entry: FeedEntry, _ json: inout PrettyJSON) {
        json.object { json in
            if let author = entry.author {
                json.key("authors")
                authors(author, &json)
            }
            json.member("content_html", entry.contentHTML)
            // One of the two is always there: the spec requires content.
            json.member("content_text", entry.contentHTML == nil ? entry.summary : nil)
            json.member("date_modified", entry.updated?.rfc3339)
            json.member("date_published", entry.published.rfc3339)
            json.member("id", entry.id)
            json.member("image", entry.image?.url)
            json.member("summary", entry.summary)
            if !entry.categories.isEmpty {
                json.key("tags")
                json.array(of: entry.categories) { json, category in json.string(category) }
            }
            json.member("title", entry.title)
            json.member("url", entry.url)
        }
    }

    private static func authors(_ name: String, _ json: inout PrettyJSON) {
        json.array(of: [name]) { json, name in
            json.object { json in json.member("name", name) }
        }
    }
}
