import Foundation
import Testing
@testable import Newsroom

/// Issue 20: listing pages counted from the oldest item, so a full page never changes, with
/// the newest items on the front page; `pagination: classic` keeps the old numbering.
@Suite struct StablePaginationTests {
    /// A site of `count` items, one a day from 2023-01-01, every one tagged `t`, two a page: the
    /// news index, the tag, the year and the month all list the same items.
    static func site(items count: Int, pagination: String? = nil) throws -> TestSite {
        let site = try TestSite("""
        -- site/site.yml --
        title: Paging
        base_url: https://example.org/
        timezone: UTC
        theme: minimal
        per_page: 2
        \(pagination.map { "pagination: \($0)" } ?? "")
        """)
        for number in 1...max(1, count) where count > 0 { try add(number, to: site) }
        return site
    }

    static func add(_ number: Int, to site: TestSite) throws {
        try site.write("""
        -- site/content/news/2023-01-\(pad(number))-item-\(number).md --
        ---
        title: Item \(number)
        tags: [t]
        ---
        Body \(number).
        """)
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    static let listings = ["news/", "news/tags/t/", "news/2023/", "news/2023/01/"]

    /// The item numbers on a listing page, in the order shown.
    func cards(_ site: TestSite, _ file: String) throws -> [Int] {
        let html = try #require(site.read(file), "\(file)")
        return html.matches(of: /<li><a href="[^"]*">Item (\d+)<\/a>/).map { Int($0.1)! }
    }

    /// For `count` items two a page: each full page's item numbers (page 1 first), and the
    /// front page's (newest first).
    func expected(items count: Int) -> (full: [[Int]], front: [Int]) {
        let full = max(0, count / 2 - 1)
        let pages = (0..<full).map { page in [2 * page + 2, 2 * page + 1] }
        return (pages, Array(((2 * full + 1)...max(2 * full + 1, count)).reversed()).filter { $0 <= count })
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7, 9])
    func pagesHoldTheExpectedItemsAtEveryBoundary(count: Int) throws {
        let site = try Self.site(items: count)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let (full, front) = expected(items: count)
        for listing in Self.listings where count > 0 || listing == "news/" {
            #expect(try cards(site, listing + "index.html") == front, "\(listing) with \(count) items")
            for (index, numbers) in full.enumerated() {
                #expect(try cards(site, listing + "page/\(index + 1)/index.html") == numbers, "\(listing) page \(index + 1)")
            }
            #expect(!site.exists(listing + "page/\(full.count + 1)/index.html"))
            #expect(!site.exists(listing + "page/0/index.html"))
        }
        #expect(LinkWalk.brokenLinks(in: site.output) == [])
    }

    @Test func newerAndOlderLinksRunFromTheFrontPageDownToPageOne() throws {
        let site = try Self.site(items: 9)
        defer { site.delete() }
        #expect(site.build().succeeded)
        // Nine items: pages 1–3 hold two each, the front page three.
        let front = try #require(site.read("news/index.html"))
        #expect(!front.contains("rel=\"prev\""))
        #expect(front.contains("<a rel=\"next\" href=\"page/3/index.html\">older</a>"))
        #expect(front.contains("<a href=\"page/1/index.html\">1</a> <a href=\"page/2/index.html\">2</a> <a href=\"page/3/index.html\">3</a> <b>Latest</b>"))
        let three = try #require(site.read("news/page/3/index.html"))
        #expect(three.contains("<a rel=\"prev\" href=\"../../index.html\">newer</a>"))
        #expect(three.contains("<a rel=\"next\" href=\"../2/index.html\">older</a>"))
        #expect(three.contains("<title>News – page 3"))
        let one = try #require(site.read("news/page/1/index.html"))
        #expect(one.contains("<a rel=\"prev\" href=\"../2/index.html\">newer</a>"))
        #expect(!one.contains("rel=\"next\""))
        #expect(one.contains("<b>1</b> <a href=\"../2/index.html\">2</a> <a href=\"../3/index.html\">3</a> <a href=\"../../index.html\">Latest</a>"))
        let sitemap = try #require(site.read("sitemap.xml"))
        for page in 1...3 { #expect(sitemap.contains("<loc>https://example.org/news/page/\(page)/</loc>")) }
        #expect(!sitemap.contains("news/page/4/"))
        // A full page is as new as its newest item.
        #expect(sitemap.contains("<loc>https://example.org/news/page/1/</loc><lastmod>2023-01-02T00:00:00Z</lastmod>")
            || sitemap.contains("<loc>https://example.org/news/page/1/</loc>\n    <lastmod>2023-01-02"), "\(sitemap)")
    }

    /// What one more item rewrites: its own page, its older neighbour, the front pages it joins
    /// (news, tag, year, month), the home and 404 pages that show the newest, feeds, sitemap,
    /// the tag index's counts, items whose related list now shows it; and, when a new full page
    /// is cut, that page and the pagers of the three below it.
    @Test(arguments: [4, 5, 8, 9, 12, 13])
    func oneNewItemChangesOnlyTheExpectedFiles(count: Int) throws {
        let site = try Self.site(items: count)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        try Self.add(count + 1, to: site)
        #expect(site.build().succeeded)
        let after = site.outputTree()
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(before.keys.allSatisfy { after[$0] != nil })
        var expected: Set<String> = [
            "news/2023/01/item-\(count + 1)/index.html", "news/2023/01/item-\(count)/index.html",
            "index.html", "404.html", "sitemap.xml", "news/tags/index.html", "search/index.js",
        ]
        for feed in ["feed.xml", "atom.xml", "feed.json"] { expected.formUnion(["news/" + feed, "news/tags/t/" + feed]) }
        let pagesBefore = max(0, count / 2 - 1) + 1
        let cut = count % 2 == 1
        for listing in Self.listings {
            expected.insert(listing + "index.html")
            if cut {
                // The new page, and the pages whose pager now shows it.
                for page in max(1, pagesBefore - 3)...pagesBefore { expected.insert(listing + "page/\(page)/index.html") }
            }
        }
        let showingIt = changed.filter { $0.hasPrefix("news/2023/01/item-") && String(decoding: after[$0]!, as: UTF8.self).contains(">Item \(count + 1)<") }
        #expect(showingIt.count <= 3)
        #expect(changed.subtracting(expected).subtracting(showingIt).sorted() == [], "rewritten beyond what one item changes")
        // Every full page that was there before and is not near the new one is byte for byte the same.
        for listing in Self.listings where pagesBefore > 4 {
            #expect(before[listing + "page/1/index.html"] == after[listing + "page/1/index.html"])
        }
    }

    /// The real theme: a full page names the articles it holds and leaves out the counts that
    /// grow; the front page counts them and lists the years.
    @Test func theDefaultThemeShowsTheFrontPageAsLatest() throws {
        let site = try Self.site(items: 5)
        defer { site.delete() }
        try site.useDefaultTheme()
        #expect(site.build().succeeded)
        let one = try #require(site.read("news/page/1/index.html"))
        #expect(one.contains("<p class=\"listing-count\">Articles 1 to 2, counted from the oldest</p>"))
        #expect(one.contains("<li><a href=\"../../index.html\">Latest</a></li>"))
        #expect(one.contains("<li><span aria-current=\"page\">1</span></li>"))
        #expect(!one.contains("archive-title"))
        let front = try #require(site.read("news/index.html"))
        #expect(front.contains("<p class=\"listing-count\">5 articles</p>"))
        #expect(front.contains("<li><span aria-current=\"page\">Latest</span></li>"))
        #expect(front.contains("archive-title"))
    }

    @Test func classicNumberingIsKept() throws {
        let site = try Self.site(items: 5, pagination: "classic")
        defer { site.delete() }
        #expect(site.build().succeeded)
        #expect(try cards(site, "news/index.html") == [5, 4])
        #expect(try cards(site, "news/page/2/index.html") == [3, 2])
        #expect(try cards(site, "news/page/3/index.html") == [1])
        #expect(!site.exists("news/page/1/index.html"))
        let two = try #require(site.read("news/page/2/index.html"))
        #expect(two.contains("<a rel=\"prev\" href=\"../../index.html\">newer</a> <a href=\"../../index.html\">1</a> <b>2</b> <a href=\"../3/index.html\">3</a> <a rel=\"next\" href=\"../3/index.html\">older</a>"))
    }

    @Test func anUnknownPaginationIsAnErrorAtItsLine() throws {
        let site = try Self.site(items: 1, pagination: "newest")
        defer { site.delete() }
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == ["site/site.yml:6:13: error: 'pagination' must be 'stable' or 'classic', not 'newest'"])
        #expect(!site.exists("index.html"))
    }
}
