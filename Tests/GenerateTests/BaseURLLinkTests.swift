import Foundation
import Testing
@testable import Newsroom

/// Issue 14: an absolute link into `base_url` (either scheme, with or without `index.html`) is
/// checked like any internal link, relative in pages so a reviewer on disk stays on disk, and
/// absolute in feeds.
@Suite struct BaseURLLinkTests {
    @Test func absoluteLinksIntoBaseURLAreRelativeInPagesAndAbsoluteInFeeds() throws {
        let site = try RawHTMLLinkTests.site("""
        [About](https://example.org/newsroom/about/) and [its top](http://EXAMPLE.org/newsroom/about/index.html#top),
        <a href="https://example.org/newsroom/news/2023/04/second/">second</a>, [elsewhere](https://example.org/other/).
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let page = try #require(site.read("news/2023/03/first/index.html"))
        #expect(page.contains(#"<a href="../../../../about/index.html">About</a> and <a href="../../../../about/index.html#top">its top</a>"#))
        #expect(page.contains(#"<a href="../../04/second/index.html">second</a>, <a href="https://example.org/other/">elsewhere</a>"#))
        let feed = try #require(site.read("news/feed.xml"))
        #expect(feed.contains("&lt;a href=&quot;https://example.org/newsroom/about/&quot;&gt;About&lt;/a&gt;"))
        #expect(feed.contains("&lt;a href=&quot;https://example.org/newsroom/news/2023/04/second/&quot;&gt;second&lt;/a&gt;"))
        #expect(LinkWalk.brokenLinks(in: site.output) == [])
    }

    @Test func missingTargetUnderBaseURLIsAnError() throws {
        let site = try RawHTMLLinkTests.site("See [gone](https://example.org/newsroom/gone/).\n")
        defer { site.delete() }
        #expect(site.build().otherDiagnostics.map(\.description) == [
            "\(RawHTMLLinkTests.first):5:5: error: link target 'https://example.org/newsroom/gone/' does not exist",
        ])
    }
}
