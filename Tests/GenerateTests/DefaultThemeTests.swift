import Foundation
import Testing
@testable import Newsroom

/// The real theme and the sample site: golden pages, no warnings, links, page weight.
@Suite struct DefaultThemeTests {
    /// The basic fixture site built with `themes/default`: one news item page and one listing
    /// page compared whole. Re-record with `NEWSROOM_RECORD=1`.
    @Test func goldenItemAndListingPages() throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try FileManager.default.copyItem(at: Fixtures.url("basic/site"), to: work.site)
        try work.useDefaultTheme()
        let result = work.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        for page in ["news/2024/01/third/index.html", "news/index.html"] {
            let golden = Fixtures.url("default-theme/" + page)
            let actual = try #require(work.read(page))
            if ProcessInfo.processInfo.environment["NEWSROOM_RECORD"] != nil {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: golden, atomically: true, encoding: .utf8)
            } else {
                #expect(actual == (try String(contentsOf: golden, encoding: .utf8)), "\(page) differs from the golden file")
            }
        }
    }

    @Test func sampleSiteBuildsCleanlyWithWorkingLinksAndLightPages() throws {
        let output = ScratchOutput.make("sample")
        defer { ScratchOutput.remove(output) }
        let result = Fixtures.buildSampleSite(into: output)
        #expect(result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == [])
        #expect(LinkWalk.brokenLinks(in: output) == [])
        let tree = Fixtures.tree(at: output)
        let css = tree["assets/site.css"]?.count ?? 0
        let items = tree.filter { $0.key.range(of: #"^news/\d{4}/\d{2}/[^/]+/index.html$"#, options: .regularExpression) != nil }
        #expect(items.count >= 15)
        for (path, html) in items {
            #expect(html.count + css < 60_000, "\(path) weighs \(html.count + css) bytes with its CSS")
        }
        let bundles = Set(tree.keys.filter { $0.hasPrefix("news/") && ($0.hasSuffix(".svg") || $0.hasSuffix(".png") || $0.hasSuffix(".jpg")) })
        #expect(bundles.count >= 3)
        for page in ["about/index.html", "newsletter-thanks/index.html", "media-contact/index.html"] {
            #expect(tree[page] != nil, "\(page)")
        }
        let home = String(decoding: tree["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("<form class=\"newsletter-form\" action=\"https://lists.opendoorjustice.example/subscribe\" method=\"post\">"))
        #expect(home.contains("<input type=\"hidden\" name=\"redirect\" value=\"https://news.opendoorjustice.example/newsletter-thanks/\">"))
        #expect(home.contains("<label for=\"newsletter-email\">E-mail address</label>"))
    }
}
