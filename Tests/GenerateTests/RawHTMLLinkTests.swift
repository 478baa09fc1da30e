import Foundation
import Testing
@testable import Newsroom

/// Issue 14: with `raw_html: true` the URLs in raw HTML are resolved and checked like Markdown
/// links; absolute links into `base_url` stay on disk; no anchor nests in another; a reference
/// link's bad target is reported at its definition.
@Suite struct RawHTMLLinkTests {
    static let config = """
    -- site/site.yml --
    title: Test News
    base_url: https://example.org/newsroom/
    timezone: Europe/Bucharest
    theme: minimal
    raw_html: true
    -- site/content/pages/about.md --
    ---
    title: About us
    ---
    ## Top

    We are a test.
    -- site/static/images/logo.svg --
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
    -- site/content/news/2023-04-02-second/index.md --
    ---
    title: Second item
    date: 2023-04-02
    ---
    The second. <img src="photo.svg" alt="A drawing">
    -- site/content/news/2023-04-02-second/photo.svg --
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
    """

    static let first = "site/content/news/2023-03-21-first.md"

    static func site(_ body: String) throws -> TestSite {
        try TestSite(Self.config + "\n-- \(Self.first) --\n---\ntitle: First item\ndate: 2023-03-21\n---\n" + body)
    }

    @Test func rawHTMLLinksWorkFromDisk() throws {
        let site = try Self.site("""
        Intro <a href="2023-04-02-second/index.md">second</a> and <A HREF='../pages/about.md#top'>about</A>.

        <figure>
          <img src="/images/logo.svg" alt="Logo"
               srcset="/images/logo.svg 1x,/images/logo.svg?v=2&amp;w=1 2x">
          <figcaption><a href=/about/>About</a></figcaption>
        </figure>
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let page = try #require(site.read("news/2023/03/first/index.html"))
        #expect(page.contains(#"Intro <a href="../../04/second/index.html">second</a> and <A HREF="../../../../about/index.html#top">about</A>."#))
        #expect(page.contains("""
          <img src="../../../../images/logo.svg" alt="Logo"
               srcset="../../../../images/logo.svg 1x,../../../../images/logo.svg?v=2&amp;w=1 2x">
          <figcaption><a href="../../../../about/index.html">About</a></figcaption>
        """))
        #expect(site.read("news/2023/04/second/index.html")?.contains(#"<img src="photo.svg" alt="A drawing">"#) == true)
        #expect(LinkWalk.brokenLinks(in: site.output) == [])
    }

    @Test func missingTargetsInAMultiLineBlockAreErrorsAtTheirPlace() throws {
        let site = try Self.site("""
        Text <a href="nope.md">x</a>.

        <div>
          <p>One</p>
          <img alt="x"
               src="/images/missing.png" srcset="/images/logo.svg 1x, /images/gone.png 2x">
          <a href="javascript:alert(1)">bad</a> <a href="https://elsewhere.org/">fine</a>
        </div>
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == [
            "\(Self.first):5:15: error: link target 'nope.md' does not exist",
            "\(Self.first):10:13: error: image target '/images/missing.png' does not exist",
            "\(Self.first):10:63: error: image target '/images/gone.png' does not exist",
            "\(Self.first):11:12: warning: 'javascript:' links are removed from published pages",
        ])
    }

    @Test func droppedRawHTMLLinkLosesItsValue() throws {
        let site = try Self.site("<a href=\"javascript:alert(1)\" title=\"t\">bad</a>\n")
        defer { site.delete() }
        #expect(site.build().succeeded)
        #expect(site.read("news/2023/03/first/index.html")?.contains(#"<a href="" title="t">bad</a>"#) == true)
    }

    @Test func autolinksDoNotNestInsideRawAnchors() throws {
        let site = try Self.site("Write to <a href=\"mailto:t@e.org\">t@e.org</a> or <a href=\"https://x.org/\">https://x.org/</a>.\n")
        defer { site.delete() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("news/2023/03/first/index.html"))
        #expect(page.contains(#"Write to <a href="mailto:t@e.org">t@e.org</a> or <a href="https://x.org/">https://x.org/</a>."#))
    }

    @Test func referenceLinkTargetIsReportedAtItsDefinition() throws {
        let site = try Self.site("""
        See [the report][Annual  Report] and [it again][annual report].

        [annual report]: /reports/2023.pdf
        """)
        defer { site.delete() }
        #expect(site.build().otherDiagnostics.map(\.description) == [
            "\(Self.first):7:1: error: link target '/reports/2023.pdf' does not exist",
        ])
    }
}
