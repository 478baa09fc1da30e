import NewsroomXML

/// Writes a feed as Atom 1.0 (RFC 4287).
public enum AtomWriter {
    /// Atom requires `updated` on the feed; a feed with no entries has no date of its own, and
    /// the clock would change the file on every build.
    static let epoch = "1970-01-01T00:00:00Z"

    public static func write(_ feed: Feed) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("feed", ["xmlns": "http://www.w3.org/2005/Atom", "xml:lang": feed.language])
        // The listing's page names the feed as permanently as anything the site has.
        xml.element("id", feed.homeURL)
        xml.element("title", feed.title, ["type": "text"])
        if !feed.description.isEmpty { xml.element("subtitle", feed.description, ["type": "text"]) }
        xml.element("updated", feed.updated?.rfc3339 ?? epoch)
        xml.empty("link", ["rel": "self", "type": FeedFormat.atom.mediaType, "href": feed.selfURL])
        xml.empty("link", ["rel": "alternate", "type": "text/html", "href": feed.homeURL])
        for hub in feed.hubs {
            xml.empty("link", ["rel": "hub", "href": hub])
        }
        xml.start("author")
        xml.element("name", feed.author)
        xml.end()
        xml.element("generator", "Newsroom")
        for entry in feed.entries {
            self.entry(entry, xml)
        }
        xml.end()
        return xml.finish()
    }

    private static func entry(_ entry: FeedEntry, _ xml: XMLWriter) {
        xml.start("entry")
        xml.element("id", entry.id)
        xml.element("title", entry.title, ["type": "text"])
        xml.empty("link", ["rel": "alternate", "type": "text/html", "href": entry.url])
        xml.element("published", entry.published.rfc3339)
        xml.element("updated", (entry.updated ?? entry.published).rfc3339)
        if let author = entry.author {
            xml.start("author")
            xml.element("name", author)
            xml.end()
        }
        for category in entry.categories {
            xml.empty("category", ["term": category])
        }
        // Like RSS, only for the site's own files: RFC 4287 wants an enclosure's length.
        if let image = entry.image, let length = image.length {
            xml.start("link")
            xml.attribute("rel", "enclosure")
            if let type = image.mediaType { xml.attribute("type", type) }
            xml.attribute("length", String(length))
            xml.attribute("href", image.url)
            xml.end()
        }
        xml.element("summary", entry.summary, ["type": "text"])
        if let html = entry.contentHTML {
            xml.element("content", html, ["type": "html"])
        }
        xml.end()
    }
}
