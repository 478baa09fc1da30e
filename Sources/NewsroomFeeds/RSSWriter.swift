import NewsroomXML

/// Writes a feed as RSS 2.0 with libxml2's writer, with the Atom self and hub links, the
/// content module for full bodies, Dublin Core for authors and Media RSS for hero images
/// (`media:content`, which e-mail services read).
public enum RSSWriter {
    public static func write(_ feed: Feed) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("rss", [
            "version": "2.0",
            "xmlns:atom": "http://www.w3.org/2005/Atom",
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:media": "http://search.yahoo.com/mrss/",
        ])
        xml.start("channel")
        xml.element("title", feed.title)
        xml.element("link", feed.homeURL)
        xml.element("description", feed.description.isEmpty ? feed.title : feed.description)
        xml.element("language", feed.language)
        xml.empty("atom:link", ["href": feed.selfURL, "rel": "self", "type": FeedFormat.rss.mediaType])
        for hub in feed.hubs {
            xml.empty("atom:link", ["href": hub, "rel": "hub"])
        }
        xml.element("generator", "Newsroom")
        if let updated = feed.updated {
            xml.element("lastBuildDate", updated.rfc822)
        }
        for entry in feed.entries {
            item(entry, xml)
        }
        xml.end()
        xml.end()
        return xml.finish()
    }

    private static func item(_ entry: FeedEntry, _ xml: XMLWriter) {
        xml.start("item")
        xml.element("title", entry.title)
        xml.element("link", entry.url)
        xml.element("guid", entry.id, ["isPermaLink": "false"])
        xml.element("pubDate", entry.published.rfc822)
        if let author = entry.author { xml.element("dc:creator", author) }
        for category in entry.categories { xml.element("category", category) }
        xml.element("description", entry.summary)
        if let html = entry.contentHTML { xml.element("content:encoded", html) }
        if let image = entry.image {
            // RSS allows one enclosure, and it needs a length and a type: only for our own files.
            if let length = image.length, let type = image.mediaType {
                xml.empty("enclosure", ["url": image.url, "length": String(length), "type": type])
            }
            var attributes = [("url", image.url), ("medium", "image")]
            if let type = image.mediaType { attributes.append(("type", type)) }
            if let length = image.length { attributes.append(("fileSize", String(length))) }
            xml.start("media:content")
            for (key, value) in attributes { xml.attribute(key, value) }
            if !image.alt.isEmpty { xml.element("media:description", image.alt, ["type": "plain"]) }
            xml.end()
        }
        xml.end()
    }
}
