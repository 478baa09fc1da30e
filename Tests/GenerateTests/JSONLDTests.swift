import Foundation
import Testing
@testable import Newsroom

/// The item page's JSON-LD is written member by member; it must equal the sorted-key encoding
/// of the same object, for items with and without the optional members and with hostile text.
@Suite struct JSONLDTests {
    static func reference(_ item: NewsItem, url: String, image: String?, config: SiteConfig) -> String {
        var article: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": item.title,
            "datePublished": item.date.iso8601,
            "dateModified": (item.updated ?? item.date).iso8601,
            "mainEntityOfPage": url,
            "publisher": [
                "@type": "Organization",
                "name": config.title,
                "logo": ["@type": "ImageObject", "url": config.baseURL + "assets/logo.svg"],
            ] as [String: Any],
        ]
        if let image { article["image"] = [image] }
        if let author = item.author { article["author"] = ["@type": "Organization", "name": author] }
        if let summary = item.summary { article["description"] = summary }
        return JSONLD.encode(article)
    }

    @Test func matchesTheSortedKeyEncoding() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        var log = DiagnosticLog()
        let source = try #require(SiteLoader.load(site: SourceFolder(url: site.site, displayName: "site"), themes: SourceFolder(url: site.themes, displayName: "themes"), baseURLOverride: nil, cleanURLs: nil, log: &log))
        var items = source.items
        var hostile = items[0]
        hostile.title = "</script><!-- \"x\" & \u{2028} \\ \t"
        hostile.author = "A & B <b>"
        hostile.summary = "line\nbreak \u{1}"
        hostile.updated = items[1].date
        items.append(hostile)
        var bare = items[0]
        bare.author = nil
        bare.summary = nil
        bare.updated = nil
        items.append(bare)
        #expect(items.contains { $0.author != nil } && items.contains { $0.author == nil })
        for item in items {
            for image in [nil, "https://news.example.org/a b.svg?x=<1>"] as [String?] {
                let url = "https://news.example.org/news/\(item.slug)/"
                #expect(JSONLD.newsArticle(item, url: url, image: image, config: source.config) == Self.reference(item, url: url, image: image, config: source.config))
            }
        }
    }
}
