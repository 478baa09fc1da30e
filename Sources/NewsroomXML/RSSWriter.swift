/// An RSS 2.0 channel, every URL already absolute.
public struct RSSChannel: Sendable {
    public var title: String
    public var link: String
    public var description: String
    public var language: String
    /// The feed's own URL (`atom:link rel="self"`).
    public var selfURL: String
    /// RFC 822; from the content, never the clock. Nil for an empty feed.
    public var lastBuildDate: String?
    public var items: [RSSItem]

    public init(title: String, link: String, description: String, language: String, selfURL: String, lastBuildDate: String?, items: [RSSItem]) {
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.selfURL = selfURL
        self.lastBuildDate = lastBuildDate
        self.items = items
    }
}

/// One feed entry.
public struct RSSItem: Sendable {
    public var title: String
    public var link: String
    public var pubDate: String
    public var summary: String
    /// Full HTML with absolute URLs, for `content:encoded`; nil for summary-only feeds.
    public var contentHTML: String?
    public var categories: [String]
    public var author: String?

    public init(title: String, link: String, pubDate: String, summary: String, contentHTML: String?, categories: [String], author: String? = nil) {
        self.title = title
        self.link = link
        self.pubDate = pubDate
        self.summary = summary
        self.contentHTML = contentHTML
        self.categories = categories
        self.author = author
    }
}

/// Writes RSS 2.0 with libxml2's writer.
public enum RSSWriter {
    public static func write(_ channel: RSSChannel) -> String {
        let xml = XMLWriter()
        xml.start("rss", [
            "version": "2.0",
            "xmlns:atom": "http://www.w3.org/2005/Atom",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        ])
        xml.start("channel")
        xml.element("title", channel.title)
        xml.element("link", channel.link)
        xml.element("description", channel.description)
        xml.element("language", channel.language)
        xml.empty("atom:link", ["href": channel.selfURL, "rel": "self", "type": "application/rss+xml"])
        xml.element("generator", "Newsroom")
        if let lastBuildDate = channel.lastBuildDate {
            xml.element("lastBuildDate", lastBuildDate)
        }
        for item in channel.items {
            xml.start("item")
            xml.element("title", item.title)
            xml.element("link", item.link)
            xml.element("guid", item.link, ["isPermaLink": "true"])
            xml.element("pubDate", item.pubDate)
            if let author = item.author { xml.element("dc:creator", author) }
            for category in item.categories { xml.element("category", category) }
            xml.element("description", item.summary)
            if let html = item.contentHTML { xml.element("content:encoded", html) }
            xml.end()
        }
        xml.end()
        xml.end()
        return xml.finish()
    }
}
