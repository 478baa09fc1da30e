import Foundation
import Testing
@testable import Newsroom

/// Every page's key must change whenever the page does: a rebuild keeps a page whose key is the
/// same, so an input a page reads but its key leaves out would leave that page stale. Each
/// variant below changes one thing an author or a theme can change; two clean builds, before
/// and after, must give a different key to every page whose bytes differ. (Pages with key 0 are
/// rendered every time and need none.) A new input that reaches a page without reaching its
/// key fails here, whichever page it is.
@Suite struct PageKeyTests {
    static let site = Sites.valid + """

    -- site/content/news/2023-05-01-third.md --
    ---
    title: Third
    date: 2023-05-01
    tags: [policy]
    location: Cluj
    summary: The third one.
    ---
    Third body, linking [the first](2023-03-21-first.md#details).
    -- site/content/pages/contact.md --
    ---
    title: Contact
    ---
    Write to us.
    """

    static let variants: [(name: String, path: String, from: String, to: String)] = [
        ("an item's title", "site/content/news/2023-05-01-third.md", "title: Third", "title: Third, renamed"),
        ("an item's date", "site/content/news/2023-05-01-third.md", "date: 2023-05-01", "date: 2023-05-02"),
        ("an item's tags", "site/content/news/2023-05-01-third.md", "tags: [policy]", "tags: [policy, courts]"),
        ("an item's location", "site/content/news/2023-05-01-third.md", "location: Cluj", "location: Iași"),
        ("an item's summary", "site/content/news/2023-05-01-third.md", "summary: The third one.", "summary: Another."),
        ("an item's body", "site/content/news/2023-05-01-third.md", "Third body", "Third text"),
        ("a linked item's heading", "site/content/news/2023-03-21-first.md", "## Details", "## Details\n\n## More"),
        ("a page's title", "site/content/pages/contact.md", "title: Contact", "title: Write to us"),
        ("a page's body", "site/content/pages/contact.md", "Write to us.", "Call us."),
        ("the site's title", "site/site.yml", "title: Test News", "title: Other News"),
        ("a layout", "themes/default/layouts/item.mustache", "<article class=\"news-item", "<article class=\"x news-item"),
        ("a partial", "themes/default/partials/card.mustache", "class=\"card", "class=\"x card"),
        ("the parent layout", "themes/default/layouts/base.mustache", "<body class=\"kind-", "<body class=\"x kind-"),
        ("a partial of the parent", "themes/default/partials/head.mustache", "<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><meta name=\"x\">"),
        ("the listings' layout", "themes/default/layouts/list.mustache", "<section class=\"listing wrap\">", "<section class=\"x listing wrap\">"),
    ]

    /// Every output file's bytes and key after a clean build of `site` into a new folder.
    static func build(_ site: TestSite, into name: String) throws -> (files: [String: Data], keys: [String: UInt64]) {
        let result = site.build { $0.output = site.root.appendingPathComponent(name) }
        #expect(result.succeeded, "\(result.diagnostics)")
        let output = site.root.appendingPathComponent(name)
        let state = IncrementalState.read(in: output)
        return (Fixtures.tree(at: output), state.manifest.entries.mapValues(\.key))
    }

    @Test(arguments: variants.map(\.name))
    func aPageThatChangesGetsANewKey(_ variant: String) throws {
        let change = try #require(Self.variants.first { $0.name == variant })
        // The real theme: it shows on cards and listings what the fixture theme leaves out.
        let site = try TestSite(Self.site, theme: false)
        defer { site.delete() }
        try site.useDefaultTheme()
        let before = try Self.build(site, into: "before")
        let file = site.root.appendingPathComponent(change.path)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(change.from), "\(change.path) has no '\(change.from)'")
        try text.replacingOccurrences(of: change.from, with: change.to).write(to: file, atomically: true, encoding: .utf8)
        let after = try Self.build(site, into: "after")
        var changedPages = 0, keyedPages = 0
        for (path, bytes) in after.files where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            guard let old = before.files[path], old != bytes else { continue }
            changedPages += 1
            let key = after.keys[path] ?? 0
            guard key != 0 else { continue }
            keyedPages += 1
            #expect(key != before.keys[path], "\(variant): \(path) changed but kept its key")
        }
        #expect(changedPages > 0, "\(variant) changes no page")
        #expect(keyedPages > 0, "\(variant) changes no page that has a key")
    }
}
