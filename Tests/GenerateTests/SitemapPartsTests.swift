import Foundation
import NewsroomXML
import Testing
@testable import Newsroom

/// Issue 20: past `SitemapLayout.singleFileLimit` URLs the sitemap is an index of parts that a
/// new item leaves as they are, except its year's and the part of pages it can change.
@Suite struct SitemapPartsTests {
    /// The fixture with stable pagination (full listing pages then stay as they are).
    static func stableSite() throws -> TestSite {
        let site = try NewsSite.make()
        let config = site.site.appendingPathComponent("site.yml")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "pagination: classic\n", with: "")
        try text.write(to: config, atomically: true, encoding: .utf8)
        return site
    }

    static func split(_ options: inout GenerateOptions) { options.sitemapSplitAbove = 5 }

    /// Each `<url>` of a urlset as "loc lastmod".
    func entries(_ folder: URL, _ path: String) throws -> [String] {
        let urlset = try xml(folder, path)
        #expect(urlset.name == "urlset")
        #expect(Self.read(folder, path)?.contains("<urlset xmlns=\"\(SitemapWriter.namespace)\">") == true)
        return urlset.all("url").map { ($0.first("loc")?.text ?? "") + " " + ($0.first("lastmod")?.text ?? "") }
    }

    /// A static file named as one of the parts is an error naming it, not a part overwritten;
    /// the name is free while the sitemap is one file.
    @Test func aStaticFileNamedAsAPartIsAnError() throws {
        let site = try Self.stableSite()
        defer { site.delete() }
        let file = site.site.appendingPathComponent("static/sitemap-news-2023.xml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<urlset/>".utf8).write(to: file)
        let single = site.build()
        #expect(single.succeeded)
        #expect(site.read("sitemap-news-2023.xml") == "<urlset/>")
        let split = site.root.appendingPathComponent("split")
        let failed = site.build { Self.split(&$0); $0.output = split }
        #expect(!failed.succeeded)
        #expect(failed.otherDiagnostics.map(\.description) == [
            "site/static/sitemap-news-2023.xml:1:1: error: 'sitemap-news-2023.xml' would be written twice: by the sitemap's parts and by site/static/sitemap-news-2023.xml; rename the file",
        ])
        #expect(!FileManager.default.fileExists(atPath: split.appendingPathComponent("sitemap.xml").path))
    }

    @Test func theIndexListsPartsHoldingEveryURLOfTheSingleFileOnce() throws {
        let site = try Self.stableSite()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let single = try entries(site.output, "sitemap.xml")
        let split = site.root.appendingPathComponent("split")
        #expect(site.build { Self.split(&$0); $0.output = split }.succeeded)
        let index = try xml(split, "sitemap.xml")
        #expect(index.name == "sitemapindex")
        #expect(Self.read(split, "sitemap.xml")?.contains("<sitemapindex xmlns=\"\(SitemapWriter.namespace)\">") == true)
        let parts = index.all("sitemap").compactMap { $0.first("loc")?.text }
        #expect(parts == ["pages", "news-2024", "news-2023", "news-2022"].map { "https://news.example.org/sitemap-\($0).xml" })
        var listed: [String] = []
        for (part, entry) in zip(parts, index.all("sitemap")) {
            let lines = try entries(split, String(part.dropFirst("https://news.example.org/".count)))
            #expect(!lines.isEmpty)
            listed += lines
            // A part is as new as its newest URL.
            let newest = lines.map { String($0.split(separator: " ").dropFirst().first ?? "") }.max { Self.instant($0) < Self.instant($1) }
            #expect(entry.first("lastmod")?.text == newest)
        }
        #expect(listed.sorted() == single.sorted())
        #expect(try entries(split, "sitemap-news-2023.xml").contains("https://news.example.org/news/2023/09/item-12/ 2023-09-20T11:15:00+03:00"))
        #expect(Self.read(split, "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://news.example.org/sitemap.xml\n")
    }

    /// A new item of the newest year rewrites that year's part, the part of pages that show the
    /// newest items and the index; the older years' parts stay as they were.
    @Test func aNewItemRewritesItsYearsPartThePagesPartAndTheIndex() throws {
        let site = try Self.stableSite()
        defer { site.delete() }
        #expect(site.build(Self.split).succeeded)
        let before = site.outputTree()
        try site.write("""
        -- site/content/news/2024-12-20-item-31.md --
        ---
        id: tag:news.example.org,2024-12-20:item-31
        title: "Fixture item item-31"
        date: 2024-12-20T10:00:00+02:00
        tags: ["technology"]
        ---
        A new item.
        """)
        #expect(site.build(Self.split).succeeded)
        let after = site.outputTree()
        let changed = Set(after.keys.filter { $0.hasPrefix("sitemap") && before[$0] != after[$0] })
        #expect(changed == ["sitemap.xml", "sitemap-pages.xml", "sitemap-news-2024.xml"])
        #expect(after["sitemap-news-2023.xml"] != nil && after["sitemap-news-2022.xml"] != nil)
        #expect(try entries(site.output, "sitemap-news-2024.xml").first == "https://news.example.org/news/2024/12/item-31/ 2024-12-20T10:00:00+02:00")
        let clean = site.root.appendingPathComponent("clean")
        #expect(site.build { Self.split(&$0); $0.output = clean }.succeeded)
        #expect(Fixtures.tree(at: clean) == after)
    }

    /// Each change that moves a URL or a date in some part is caught: after each, the rebuild
    /// equals a clean build, and the sitemap files it rewrote are the ones that changed.
    @Test func everyChangeThatMovesAPartIsCaught() throws {
        let site = try Self.stableSite()
        defer { site.delete() }
        var now = "2026-11-29T12:00:00Z"
        #expect(site.build(now: now, Self.split).succeeded)
        func rebuild(_ what: String, rewrites expected: Set<String>, _ change: () throws -> Void) throws {
            let before = site.outputTree()
            try change()
            let result = site.build(now: now, Self.split)
            #expect(result.succeeded, "\(what): \(result.diagnostics)")
            let after = site.outputTree()
            let clean = site.root.appendingPathComponent("clean")
            defer { try? FileManager.default.removeItem(at: clean) }
            #expect(site.build(now: now) { Self.split(&$0); $0.output = clean }.succeeded)
            #expect(Fixtures.tree(at: clean) == after, "\(what): the rebuild differs from a clean build")
            let rewritten = Set(after.keys.filter { $0.hasPrefix("sitemap") && before[$0] != after[$0] })
            #expect(rewritten == expected, "\(what)")
        }
        let item = site.site.appendingPathComponent("content/news/2022-07-02-item-01.md")
        // Its year's part, and the pages part for the archive front page it is the newest of;
        // the year's newest date, and so the index, stay.
        try rebuild("an item's updated date", rewrites: ["sitemap-pages.xml", "sitemap-news-2022.xml"]) {
            let text = try String(contentsOf: item, encoding: .utf8).replacingOccurrences(of: "date: ", with: "updated: 2022-07-03T09:00:00+03:00\ndate: ")
            try text.write(to: item, atomically: true, encoding: .utf8)
        }
        // Put back as they were.
        try rebuild("a part deleted by hand", rewrites: []) {
            try site.remove("output/sitemap-news-2023.xml")
        }
        try rebuild("a part edited by hand", rewrites: []) {
            try Data("<urlset/>".utf8).write(to: site.output.appendingPathComponent("sitemap-news-2024.xml"))
        }
        let parts: Set<String> = ["sitemap.xml", "sitemap-pages.xml", "sitemap-news-2024.xml", "sitemap-news-2023.xml", "sitemap-news-2022.xml"]
        try rebuild("the base URL in site.yml", rewrites: parts) {
            let config = site.site.appendingPathComponent("site.yml")
            let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "https://news.example.org/", with: "https://press.example.org/")
            try text.write(to: config, atomically: true, encoding: .utf8)
        }
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://press.example.org/sitemap.xml\n")
        // The sitemap's text does not change with a layout, but what every page is made from did.
        try rebuild("a theme edit", rewrites: []) {
            let layout = site.themes.appendingPathComponent("minimal/layouts/item.mustache")
            try (String(contentsOf: layout, encoding: .utf8) + "\n").write(to: layout, atomically: true, encoding: .utf8)
        }
        try rebuild("a scheduled item going live", rewrites: ["sitemap.xml", "sitemap-pages.xml", "sitemap-news-2027.xml"]) {
            now = "2027-01-05T07:00:00Z"
        }
        #expect(site.read("sitemap.xml")?.contains("<loc>https://press.example.org/sitemap-news-2027.xml</loc>") == true)
    }

    /// A part past the protocol's limit is numbered.
    @Test func aPartPastTheLimitIsNumbered() throws {
        let site = try Self.stableSite()
        defer { site.delete() }
        var log = DiagnosticLog()
        let source = try #require(SiteLoader.load(
            site: SourceFolder(url: site.site, displayName: "site"), themes: SourceFolder(url: site.themes, displayName: "themes"),
            baseURLOverride: nil, cleanURLs: nil, log: &log
        ))
        let plan = SitePlanner(source: source, publication: Publication(now: Date(), includeDrafts: false, includeFuture: false)).plan(log: &log)
        let layout = SitemapLayout(plan: plan, limit: 4, singleFileLimit: 5)
        #expect(layout.isIndex)
        #expect(layout.parts.allSatisfy { $0.entries.count <= 4 })
        #expect(layout.parts.prefix(2).map(\.file) == ["sitemap-pages-1.xml", "sitemap-pages-2.xml"])
        #expect(layout.parts.map(\.entries.count).reduce(0, +) == SitemapLayout(plan: plan).parts[0].entries.count)
    }

    private func xml(_ folder: URL, _ path: String) throws -> XMLElement {
        try #require(Self.read(folder, path).flatMap(XMLElement.parse), "\(path) is missing or not well-formed")
    }

    private static func read(_ folder: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? .distantPast
    }
}
