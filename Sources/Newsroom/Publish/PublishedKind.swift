import Foundation

/// Which upload step a file belongs to: pages and assets first, then what points at them.
enum PublishedKind: Equatable {
    /// Pages, images, styles and everything else a page needs.
    case page
    /// An RSS, Atom or JSON feed: readers and hubs fetch its links as soon as it changes.
    case feed
    /// A sitemap or `robots.txt`: crawlers follow them to pages.
    case sitemap

    /// Tells feeds and sitemaps by their first bytes rather than their names, so a static XML or
    /// JSON file (a search index, a browser config) is a page's asset, and a feed under any name
    /// is a feed.
    static func of(path: String, bytes: () -> Data?) -> PublishedKind {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "robots.txt" { return .sitemap }
        let lowered = name.lowercased()
        guard lowered.hasSuffix(".xml") || lowered.hasSuffix(".json") || lowered.hasSuffix(".rss") || lowered.hasSuffix(".atom"),
              let data = bytes()
        else { return .page }
        if lowered.hasSuffix(".json") { return isJSONFeed(data) ? .feed : .page }
        let head = String(decoding: data.prefix(1024), as: UTF8.self)
        if head.contains("<urlset") || head.contains("<sitemapindex") { return .sitemap }
        if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF") { return .feed }
        return .page
    }

    /// A JSON Feed says so in its top-level `version`, wherever the writer put that key.
    private static func isJSONFeed(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = object["version"] as? String
        else { return false }
        return version.hasPrefix("https://jsonfeed.org/version/")
    }
}
