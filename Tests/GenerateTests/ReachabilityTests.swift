import Foundation
import Testing
@testable import Newsroom

/// A reader who starts at the home page and follows links reaches every page the build writes:
/// listings and their later pages, every year and month archive, every tag and the tag index,
/// every page whether or not the menu names it.
///
/// Left out of the walk, as no reader is meant to click their way there: `404.html` (a server
/// sends it for a missing path), the newsletter thank-you page (the list service sends people
/// there after signing up) and alias pages (redirects kept for old URLs, which carry a
/// `<meta http-equiv="refresh">`).
@Suite struct ReachabilityTests {
    static let now = "2026-11-29T12:00:00Z"

    /// Every fixture site, built with the real theme (the minimal test theme keeps golden trees
    /// small and has no navigation to speak of).
    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.path).filter {
        FileManager.default.fileExists(atPath: Fixtures.url("\($0)/site/site.yml").path)
    }.sorted())
    func fixtureSiteIsReachable(_ fixture: String) throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try FileManager.default.copyItem(at: Fixtures.url(fixture + "/site"), to: work.site)
        try work.useDefaultTheme()
        let result = work.build(now: Self.now)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(unreachable(work.output, thankYou: nil) == [])
    }

    @Test func sampleSiteIsReachable() throws {
        let output = ScratchOutput.make("reach")
        defer { ScratchOutput.remove(output) }
        #expect(Fixtures.buildSampleSite(into: output, now: Self.now).succeeded)
        #expect(unreachable(output, thankYou: "newsletter-thanks/index.html") == [])
    }

    /// No menu at all: the home page alone has to lead to the news index, the tag index, the
    /// archives and the pages.
    @Test func siteWithoutMenuIsReachable() throws {
        let work = try TestSite(Self.siteWithoutMenu, theme: false)
        defer { work.delete() }
        try work.useDefaultTheme()
        let result = work.build(now: Self.now)
        #expect(result.succeeded, "\(result.diagnostics)")
        for page in ["news/2023/index.html", "news/2023/02/index.html", "news/page/1/index.html", "news/tags/index.html", "news/tags/courts/page/2/index.html", "contact/index.html", "thanks/index.html", "old/story/index.html"] {
            #expect(work.exists(page), "\(page) is not written")
        }
        #expect(unreachable(work.output, thankYou: "thanks/index.html") == [])
    }

    /// A page nothing links to is reported by name, so the walk above cannot pass by not walking.
    @Test func anOrphanPageIsReported() throws {
        let work = try TestSite(Self.siteWithoutMenu, theme: false)
        defer { work.delete() }
        try work.useDefaultTheme()
        try work.write("""
        -- site/static/orphan.html --
        <!DOCTYPE html><html lang="en"><head><title>Orphan</title></head><body><h1>Orphan</h1></body></html>
        """)
        #expect(work.build(now: Self.now).succeeded)
        #expect(unreachable(work.output, thankYou: "thanks/index.html") == ["orphan.html"])
    }

    private func unreachable(_ output: URL, thankYou: String?) -> [String] {
        let aliases = Fixtures.tree(at: output).filter { path, data in
            path.hasSuffix(".html") && String(decoding: data, as: UTF8.self).contains("http-equiv=\"refresh\"")
        }.keys
        return LinkWalk.unreachablePages(in: output, exempt: Set(aliases).union(["404.html"]).union(thankYou.map { [$0] } ?? []))
    }

    /// Items over three years and several months, two tags, three pages of news, a page and a
    /// thank-you page no menu names, an alias; no `menu` in `site.yml`.
    static let siteWithoutMenu: String = {
        var archive = """
        -- site/site.yml --
        title: No Menu News
        description: A site without a menu.
        base_url: https://example.org/
        timezone: Europe/Bucharest
        theme: default
        per_page: 2
        newsletter:
          action: https://lists.example.org/subscribe
          title: Newsletter
          text: Once a month.
          thank_you: /thanks/
        -- site/content/pages/contact.md --
        ---
        title: Contact
        ---
        Write to us.
        -- site/content/pages/thanks.md --
        ---
        title: Thank you
        ---
        You are signed up.
        """
        let dates = ["2022-11-03", "2023-02-10", "2023-02-20", "2023-07-01", "2024-01-15", "2024-05-30"]
        for (number, date) in dates.enumerated() {
            archive += """

            -- site/content/news/\(date)-story-\(number).md --
            ---
            title: Story \(number)
            date: \(date)
            tags: [\(number % 2 == 0 ? "courts" : "courts, police")]
            \(number == 0 ? "aliases: [/old/story/]" : "")
            ---
            Body of story \(number).
            """
        }
        return archive
    }()
}
