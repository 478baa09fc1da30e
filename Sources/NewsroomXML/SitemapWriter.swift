/// One sitemap entry: an absolute URL and its last modification (W3C date-time).
public struct SitemapURL: Sendable, Equatable {
    public var location: String
    public var lastModified: String?

    public init(location: String, lastModified: String?) {
        self.location = location
        self.lastModified = lastModified
    }
}

/// Writes sitemaps (protocol 0.9) and, past 50,000 URLs, a sitemap index.
public enum SitemapWriter {
    public static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    public static let limit = 50_000

    public static func urlSet(_ urls: [SitemapURL]) -> String {
        write(urls, root: "urlset", entry: "url")
    }

    public static func index(_ sitemaps: [SitemapURL]) -> String {
        write(sitemaps, root: "sitemapindex", entry: "sitemap")
    }

    private static func write(_ entries: [SitemapURL], root: String, entry: String) -> String {
        let xml = XMLWriter()
        xml.start(root, ["xmlns": namespace])
        for item in entries {
            xml.start(entry)
            xml.element("loc", item.location)
            if let lastModified = item.lastModified { xml.element("lastmod", lastModified) }
            xml.end()
        }
        xml.end()
        return String(decoding: xml.finish(), as: UTF8.self)
    }
}
