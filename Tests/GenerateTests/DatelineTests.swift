import Foundation
import NewsroomXML
import Testing
@testable import Newsroom

/// The press-release dateline is data the theme places (`item.dateline.place`, `item.dateline.date`),
/// never text written into the body: the body renders the same with or without a `location`.
@Suite struct DatelineTests {
    /// A site whose item layout prints the dateline's fields and the body between markers.
    private func site(location: String?, body: String) throws -> TestSite {
        try TestSite(Sites.valid + """

        -- site/layouts/item.mustache --
        {{<base}}{{$main}}[{{#item.dateline}}{{place}}|{{date.iso}}|{{date.long}}{{/item.dateline}}]
        <body>{{{item.content}}}</body>{{/main}}{{/base}}
        -- site/content/news/2023-05-01-dated.md --
        ---
        title: Dated
        date: 2023-05-01
        \(location.map { "location: \($0)" } ?? "")
        ---
        \(body)
        """)
    }

    @Test(arguments: [
        ("Opening words.\n\nMore.", "<body><p>Opening words.</p>\n<p>More.</p>\n</body>"),
        ("## Background\n\nText.", "<body><h2 id=\"background\">Background</h2>\n<p>Text.</p>\n</body>"),
        ("- one\n- two", "<body><ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</body>"),
        ("", "<body></body>"),
    ])
    func pressReleaseCarriesItAsDataAndTheBodyAsWritten(_ body: String, _ expected: String) throws {
        let site = try site(location: "Geneva & Bern", body: body)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(site.read("news/2023/05/dated/index.html"))
        #expect(page.contains("[Geneva &amp; Bern|2023-05-01T00:00:00+03:00|May 1, 2023]\n" + expected), "\(page)")
    }

    @Test func itemWithoutLocationHasNoDatelineAndAnUntouchedBody() throws {
        let site = try site(location: nil, body: "## Background\n\nText.")
        defer { site.delete() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("news/2023/05/dated/index.html"))
        #expect(page.contains("[]\n<body><h2 id=\"background\">Background</h2>\n<p>Text.</p>\n</body>"), "\(page)")
    }

    @Test func feedContentCarriesNoDateline() throws {
        let site = try site(location: "Geneva", body: "Opening words.")
        defer { site.delete() }
        #expect(site.build().succeeded)
        let text = try #require(site.read("news/feed.xml"))
        let feed = try #require(XMLElement.parse(text)?.first("channel"))
        let item = try #require(feed.all("item").first { $0.first("title")?.text == "Dated" })
        #expect(item.first("content:encoded")?.text == "<p>Opening words.</p>\n")
    }

    /// The default theme opens a press release's body with the dateline, and shows an ordinary
    /// item's date once (in its header).
    @Test(arguments: [true, false])
    func defaultThemeShowsItOnPressReleasesOnly(_ pressRelease: Bool) throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "theme: minimal", with: "theme: default") + """

        -- site/content/news/2023-05-01-dated.md --
        ---
        title: Dated
        date: 2023-05-01
        \(pressRelease ? "location: Geneva" : "")
        ---
        ## Background
        """, theme: false)
        defer { site.delete() }
        try site.useDefaultTheme()
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(site.read("news/2023/05/dated/index.html"))
        let dateline = "<p class=\"dateline\"><time datetime=\"2023-05-01T00:00:00+03:00\">May 1, 2023</time>, <span class=\"dateline-place\">Geneva</span> –</p>"
        let body = "<h2 id=\"background\">Background</h2>"
        if pressRelease {
            #expect(page.contains("<div class=\"item-body\">\n    \(dateline)\n    \(body)"), "\(page)")
        } else {
            #expect(page.contains("<div class=\"item-body\">\n    \(body)"), "\(page)")
        }
        #expect(page.components(separatedBy: ">May 1, 2023<").count == (pressRelease ? 3 : 2), "\(page)")
    }
}
