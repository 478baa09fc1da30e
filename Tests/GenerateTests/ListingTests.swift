import Foundation
import NewsroomXML
import Testing
@testable import Newsroom

/// Issue 3: the index, tags, archives, pagination and item navigation of a 30-item site.
@Suite struct ListingTests {
    @Test func indexIsPaginatedNewestFirstWithoutAPageOne() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let first = try #require(site.read("news/index.html"))
        #expect(cards(first) == ["item-24", "item-23", "item-22", "item-21", "item-30"])
        #expect(site.exists("news/page/6/index.html"))
        #expect(!site.exists("news/page/7/index.html"))
        #expect(!site.exists("news/page/1/index.html"))
        #expect(cards(try #require(site.read("news/page/6/index.html"))).count == 3)
        let middle = try #require(site.read("news/page/3/index.html"))
        #expect(middle.contains("<a rel=\"prev\" href=\"../2/index.html\">newer</a>"))
        #expect(middle.contains("<a rel=\"next\" href=\"../4/index.html\">older</a>"))
        #expect(middle.contains("<a href=\"../../index.html\">1</a>"))
        #expect(middle.contains("<b>3</b>"))
    }

    @Test func draftsAndScheduledItemsStayOutEverywhere() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let tree = site.outputTree()
        let itemPages = tree.keys.filter { $0.range(of: #"^news/\d{4}/\d{2}/[^/]+/index.html$"#, options: .regularExpression) != nil }
        #expect(itemPages.count == NewsSite.published)
        for hidden in ["item-07", "item-19", "future-one", "future-two"] {
            #expect(!tree.keys.contains { $0.contains(hidden) }, "\(hidden)")
            for (path, data) in tree where path.hasSuffix(".html") || path.hasSuffix(".xml") {
                #expect(!String(decoding: data, as: UTF8.self).contains(hidden), "\(hidden) leaks into \(path)")
            }
        }
        #expect(!site.exists("news/2027/index.html"))
    }

    @Test func draftsAndFutureFlagsBringThemInMarked() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build { $0.includeDrafts = true; $0.includeFuture = true }.succeeded)
        #expect(site.exists("news/2022/01/item-07/index.html"))
        #expect(site.exists("news/2027/01/future-one/index.html"))
        let index = try #require(site.read("news/index.html"))
        #expect(index.contains("future-two</a> <time datetime=\"2027-03-01T00:00:00+02:00\">March 1, 2027</time> [scheduled]"))
        let year = try #require(site.read("news/2022/page/2/index.html"))
        #expect(year.contains("item-07</a> <time datetime=\"2022-01-23T00:00:00+02:00\">January 23, 2022</time> [draft]"))
    }

    @Test func tagsHaveStableSlugsCountsAndPages() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let index = try #require(site.read("news/tags/index.html"))
        #expect(index.contains("<a href=\"societe-civile/index.html\">Société civile</a>"))
        #expect(index.contains("<a href=\"%D0%BF%D1%80%D0%B0%D0%B2%D0%B0-%D0%BB%D1%8E%D0%B4%D0%B8%D0%BD%D0%B8/index.html\">Права людини</a>"))
        let counts = index.matches(of: /\((\d+)\)/).map { Int($0.1)! }
        #expect(counts.count == 8)
        let tagPages = site.outputTree().keys.filter { $0.hasPrefix("news/tags/") && $0.hasSuffix("/index.html") && !$0.contains("/page/") && $0 != "news/tags/index.html" }
        #expect(tagPages.count == 8)
        #expect(site.exists("news/tags/права-людини/feed.xml"))
        let policy = try #require(site.read("news/tags/policy/index.html"))
        #expect(policy.contains("<h1>News tagged “policy”</h1>"))
    }

    @Test func tagSpellingClashIsOneTagWithAWarning() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-clash.md --
        ---
        title: Clash
        date: 2023-05-01
        tags: [POLICY]
        ---
        Text.
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == ["site/content/news/2023-05-01-clash.md:4:8: warning: tag 'POLICY' is spelt 'policy' in site/content/news/2023-03-21-first.md; both are the tag 'policy'"])
        #expect(site.read("news/tags/policy/index.html")?.contains("Clash") == true)
    }

    /// One item writing two spellings of a tag: the first written wins, every build alike.
    @Test func tagSpellingClashInOneItemIsDecidedByOrder() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-clash.md --
        ---
        title: Clash
        date: 2023-05-01
        tags: [Ukraine Crisis, ukraine crisis]
        ---
        Text.
        """)
        defer { site.delete() }
        for _ in 0..<6 {
            try? FileManager.default.removeItem(at: site.output)
            let result = site.build()
            #expect(result.otherDiagnostics.map(\.description) == ["site/content/news/2023-05-01-clash.md:4:24: warning: tag 'ukraine crisis' is spelt 'Ukraine Crisis' in site/content/news/2023-05-01-clash.md; both are the tag 'ukraine-crisis'"])
            #expect(site.read("news/tags/ukraine-crisis/index.html")?.contains("Ukraine Crisis") == true)
        }
    }

    /// Most uses win; on a tie, the oldest item's spelling.
    @Test func tagSpellingByCountThenAge() throws {
        func item(_ date: String, _ tags: String) -> String {
            "\n-- site/content/news/\(date)-t\(date.suffix(2)).md --\n---\ntitle: T \(date)\ndate: \(date)\ntags: [\(tags)]\n---\nText.\n"
        }
        let site = try TestSite(Sites.valid + item("2023-06-01", "Human Rights, Press") + item("2023-06-02", "human rights")
            + item("2023-06-03", "human rights, press"))
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded)
        #expect(site.read("news/tags/human-rights/index.html")?.contains("<h1>News tagged “human rights”</h1>") == true)
        #expect(site.read("news/tags/press/index.html")?.contains("<h1>News tagged “Press”</h1>") == true)
        let warnings = result.otherDiagnostics.map(\.description)
        #expect(warnings.contains { $0.contains("tag 'Human Rights' is spelt 'human rights'") })
        #expect(warnings.contains { $0.contains("tag 'press' is spelt 'Press' in site/content/news/2023-06-01-t01.md") })
    }

    @Test func archivesLinkNeighbouringPeriods() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let year = try #require(site.read("news/2023/index.html"))
        #expect(year.contains("<a class=\"archive-newer\" href=\"../2024/index.html\">2024</a>"))
        #expect(year.contains("<a class=\"archive-older\" href=\"../2022/index.html\">2022</a>"))
        #expect(cards(year).count == 5)
        #expect(site.exists("news/2023/page/2/index.html"))
        let month = try #require(site.read("news/2023/09/index.html"))
        #expect(month.contains("<a class=\"archive-newer\" href=\"../10/index.html\">October 2023</a>"))
        #expect(month.contains("<a class=\"archive-older\" href=\"../08/index.html\">August 2023</a>"))
        #expect(!(site.read("news/2024/index.html") ?? "").contains("archive-newer"))
    }

    @Test func itemsLinkNewerOlderAndRelated() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        site.build()
        let page = try #require(site.read("news/2023/09/item-12/index.html"))
        #expect(page.contains("<a rel=\"prev\" href=\"../../10/item-13/index.html\">Fixture item item-13</a>"))
        #expect(page.contains("<a rel=\"next\" href=\"../../08/item-11/index.html\">Fixture item item-11</a>"))
        #expect(page.contains("<a href=\"../../../2022/07/item-01/index.html\">item one</a>"))
        let related = try #require(page.firstMatch(of: /<ul class="related">(.*)<\/ul>/)).1
        #expect(related.matches(of: /<li>/).count == 3)
        let newest = try #require(site.read("news/2024/12/item-24/index.html"))
        #expect(!newest.contains("rel=\"prev\""))
        #expect(LinkWalk.brokenLinks(in: site.output) == [])
    }

    private func cards(_ html: String) -> [String] {
        html.matches(of: /<li><a href="[^"]*">Fixture item ([^<]+)<\/a>/).map { String($0.1) }
    }
}

/// Cards of the first `keptCards` items are made once and kept, the rest built on each page:
/// the site is the same whichever way each card came.
@Suite struct KeptCardTests {
    @Test(arguments: [0, 5])
    func keptOrBuiltCardsGiveTheSameSite(kept: Int) throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let allKept = site.outputTree()
        let other = site.root.appendingPathComponent("other")
        #expect(site.build { $0.output = other; $0.keptCards = kept }.succeeded)
        #expect(Fixtures.tree(at: other) == allKept)
    }
}
