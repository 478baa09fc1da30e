import Foundation
import Testing
@testable import Newsroom

/// The press-release dateline opens an item's first paragraph; a body that opens otherwise
/// (a heading, a list, nothing) gets it in a paragraph of its own. The place is escaped.
@Suite struct DatelineTests {
    @Test(arguments: [
        ("Opening words.\n\nMore.", "</time>, GENEVA &amp; BERN –</span> Opening words.</p>\n<p>More.</p>"),
        ("## Background\n\nText.", "</time>, GENEVA &amp; BERN –</span> </p>\n<h2 id=\"background\">Background</h2>"),
        ("- one\n- two", "</time>, GENEVA &amp; BERN –</span> </p>\n<ul>\n<li>one</li>"),
        ("", "</time>, GENEVA &amp; BERN –</span> </p>\n"),
    ])
    func opensTheBody(_ body: String, _ expected: String) throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-dated.md --
        ---
        title: Dated
        date: 2023-05-01
        location: Geneva & Bern
        ---
        \(body)
        """)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("news/2023/05/dated/index.html"))
        let opening = body.hasPrefix("Opening") ? "<p><span class=\"dateline\"><time datetime=\"2023-05-01T00:00:00" : "<p class=\"dateline-alone\"><span class=\"dateline\"><time datetime=\"2023-05-01T00:00:00"
        #expect(page.contains(opening), "\(page)")
        #expect(page.contains(">May 1, 2023" + expected), "\(page)")
    }
}
