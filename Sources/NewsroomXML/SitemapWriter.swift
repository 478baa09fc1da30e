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
        let xml = XMLWriter()
        xml.start("urlset", ["xmlns": namespace])
        for url in urls {
            xml.start("url")
            xml.element("loc", url.location)
            if let lastModified = url.lastModified { xml.element("lastmod", lastModified) }
            xml.end()
        }
        xml.end()
        return xml.finish()
    }

    public static func index(_ sitemaps: [SitemapURL]) -> String {
        let xml = XMLWriter()
        xml.start("sitemapindex", ["xmlns": namespace])
        for sitemap in sitemaps {
            xml.start("sitemap")
            xml.element("loc", sitemap.location)
            if let lastModified = sitemap.lastModified { xml.element("lastmod", lastModified) }
            xml.end()
        }
        xml.end()
        return xml.finish()
    }
}
