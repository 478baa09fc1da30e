import Foundation
import NewsroomXML
import Testing
@testable import Newsroom

/// `Fixtures/migrated-blog`: twenty-one posts in the forms an old Jekyll, Hugo or Eleventy blog
/// leaves behind (dates only in file names, YAML 1.1 timestamps, `.markdown`, names that are not
/// slugs, raw HTML with root-relative URLs, links into `base_url`, leftover template code,
/// punctuated headings linked by fragment), copied in as an author would. It builds with exit 0,
/// exactly the warnings below, and output that works from disk.
@Suite struct MigratedBlogTests {
    static let news = "site/content/news"

    /// The site built once with the default theme, shared by the tests below.
    static func build() throws -> (TestSite, BuildResult) {
        let work = try TestSite("", theme: false)
        try FileManager.default.copyItem(at: Fixtures.url("migrated-blog/site"), to: work.site)
        try work.useDefaultTheme()
        return (work, work.build(now: "2026-11-29T12:00:00Z"))
    }

    @Test func buildsWithExactlyTheExpectedWarnings() throws {
        let (site, result) = try Self.build()
        defer { site.delete() }
        #expect(result.succeeded)
        // A migrated archive has no pinned ids: one warning lists the line each file needs.
        let unpinned = result.diagnostics.filter(ItemIDs.isUnpinnedWarning)
        #expect(unpinned.count == 1)
        let lines = unpinned.first?.description.split(separator: "\n") ?? []
        #expect(lines.first?.hasPrefix("\(Self.news)/2015-05-12-walk-in-clinic-opens.md:1:1: warning: 21 news items have no permanent 'id'") == true, "\(lines)")
        #expect(lines.contains("  \(Self.news)/2016-02-03-Annual-Report-2015.md:2:1: id: tag:news.riverside-legal.example,2016-02-03:annual-report-2015"), "\(lines)")
        #expect(result.otherDiagnostics.map(\.description) == [
            "\(Self.news)/2016-02-03-Annual-Report-2015.md:9:10: warning: template expression '{{ site.title | upcase }}' is left from another generator; it is shown as text",
            "\(Self.news)/2017-01-20-statewide-immigration-defense-coalition.md:2:1: warning: unknown key 'layout'; it is ignored",
            "\(Self.news)/2017-08-14-volunteer-drive.markdown:11:1: warning: Liquid tag '{% include signup.html %}' is left from another generator; it is shown as text",
            "\(Self.news)/2019-09-12-document-day.md:9:1: warning: Hugo shortcode '{{% notice \"tip\" %}}' is left from another generator; it is shown as text",
            "\(Self.news)/2019-09-12-document-day.md:9:114: warning: Hugo shortcode '{{% /notice %}}' is left from another generator; it is shown as text",
            "\(Self.news)/2020-04-01-intake-by-phone-and-video.md:3:7: warning: 'date' (2020-04-02) is not the day in the file name (2020-04-01)",
            "\(Self.news)/2022-10-30-Éducation-Juridique.md:11:1: warning: Hugo shortcode '{{< youtube id=\"abc123\" >}}' is left from another generator; it is shown as text",
        ])
        #expect(result.pageCount > 60)
    }

    /// Every internal link and fragment resolves from disk, none is root-relative, and every page
    /// is reached from the home page.
    @Test func outputWorksFromDisk() throws {
        let (site, result) = try Self.build()
        defer { site.delete() }
        #expect(result.succeeded)
        #expect(LinkWalk.brokenLinks(in: site.output) == [])
        // The one alias is a redirect for an old URL, not a page to reach.
        #expect(LinkWalk.unreachablePages(in: site.output, exempt: ["404.html", "2019/03/08/old-url.html"]) == [])
    }

    /// Names and dates as the old tools wrote them land on the URLs an author expects.
    @Test func namesAndDatesBecomeURLs() throws {
        let (site, result) = try Self.build()
        defer { site.delete() }
        #expect(result.succeeded)
        for page in [
            "news/2015/05/walk-in-clinic-opens/index.html",          // date from the name only
            "news/2015/09/tenant-hotline-launch/index.html",         // 2015-09-21 16:52:00 -4
            "news/2015/11/volunteer-training/index.html",            // .markdown, no date
            "news/2016/02/annual-report-2015/index.html",            // Annual-Report-2015
            "news/2021/07/clinic-hours-update/index.html",           // Clinic_Hours Update
            "news/2022/10/education-juridique/index.html",           // Éducation-Juridique
            "news/2023/05/eviction-filings-data/index.html",         // bundle with index.markdown
            "contact/index.html",                                    // a .markdown page
        ] {
            #expect(site.exists(page), "\(page) is not written")
        }
        let hotline = try #require(site.read("news/2015/09/tenant-hotline-launch/index.html"))
        #expect(hotline.contains("datetime=\"2015-09-21T16:52:00-04:00\""))
    }

    /// Raw HTML's root-relative URLs and absolute links into `base_url` become relative links; a
    /// raw `<a>` around an e-mail address stays one link; template code reads as written.
    @Test func contentReadsAsWritten() throws {
        let (site, result) = try Self.build()
        defer { site.delete() }
        #expect(result.succeeded)
        let pages = Fixtures.tree(at: site.output).filter { $0.key.hasPrefix("news/") && $0.key.hasSuffix("/index.html") }
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("src=\"/images/"), "\(path)")
            #expect(!html.contains("href=\"https://news.riverside-legal.example/about/\""), "\(path)")
            let body = html.components(separatedBy: "<div class=\"item-body\">").dropFirst().first ?? ""
            #expect(!body.contains("<a href=\"mailto:intake@riverside-legal.example\"><a"), "\(path): nested anchors")
        }
        let liquid = try #require(site.read("news/2016/02/annual-report-2015/index.html"))
        #expect(liquid.contains("{{ site.title | upcase }}"))
    }

    /// The feeds carry absolute URLs only, fragments included.
    @Test func feedLinksAreAbsolute() throws {
        let (site, result) = try Self.build()
        defer { site.delete() }
        #expect(result.succeeded)
        let feed = try #require(site.read("news/feed.xml"))
        let channel = try #require(XMLElement.parse(feed)?.first("channel"))
        for item in channel.all("item") {
            let html = item.first("content:encoded")?.text ?? ""
            for attribute in ["href=\"", "src=\""] {
                for piece in html.components(separatedBy: attribute).dropFirst() {
                    let url = String(piece.prefix { $0 != "\"" })
                    #expect(url.hasPrefix("https://") || url.hasPrefix("mailto:"), "\(item.first("title")?.text ?? ""): \(url)")
                }
            }
        }
    }
}
