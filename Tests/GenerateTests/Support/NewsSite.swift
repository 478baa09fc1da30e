import Foundation

/// The 30-item fixture (`Fixtures/news-site`): three years, eight tags (one accented, one
/// non-Latin), two drafts and two scheduled items.
enum NewsSite {
    static func make() throws -> TestSite {
        let site = try TestSite("")
        try FileManager.default.copyItem(at: Fixtures.url("news-site/site"), to: site.site)
        return site
    }

    static let published = 28
    static let perPage = 5
}
