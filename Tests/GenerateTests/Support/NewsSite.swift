import Foundation
import Testing

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

    /// Builds the site, then builds it again into another folder after `change` (a process-wide
    /// setting; it returns how to undo it, done afterwards) and expects the two outputs to be the
    /// same. `check` sees the site while the change holds.
    static func expectSameOutput(after change: () -> () -> Void, check: (TestSite) throws -> Void = { _ in }) throws {
        let site = try make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        let other = site.root.appendingPathComponent("other")
        let undo = change()
        defer { undo() }
        try check(site)
        #expect(site.build { $0.output = other }.succeeded)
        #expect(Fixtures.tree(at: other) == before)
    }
}
