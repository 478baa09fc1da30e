import Foundation
import Testing
@testable import Newsroom

/// Issue 4: the icon set, the sprite, icon errors and the banner window.
@Suite struct ThemeTests {
    static let seedIconNames = """
    shield arrow-simple-alt-top arrow-simple-alt-left arrow-simple-alt-right arrow-simple-alt-bottom facebook instagram \
    linkedin medium pinterest rss search-alt twitter x video-play arrow-long-right arrow-long-left arrow-long-top \
    arrow-long-bottom arrow-simple-right arrow-simple-left arrow-simple-bottom readio arrow-simple-top speaker-down plus \
    minus cloud hb pin camera globe cart rotate star edit arrow-top arrow-right arrow-left arrow-bottom check search close \
    square speaker-up speaker-mute return play pause love
    """.split(separator: " ").map(String.init)

    @Test func defaultThemeHasAllFiftyIconsAndEachIsValid() throws {
        #expect(Self.seedIconNames.count == 50)
        let folder = Fixtures.repository.appendingPathComponent("themes/default/icons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
        #expect(Set(files.map { String($0.dropLast(4)) }).isSuperset(of: Self.seedIconNames))
        var log = DiagnosticLog()
        let icons = files.map { IconSource(name: String($0.dropLast(4)), text: try! String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8), displayPath: $0) }
        let sprite = IconSprite.load(icons, log: &log)
        #expect(log.diagnostics == [])
        #expect(sprite.names.count == files.count)
    }

    @Test func spriteHoldsOnlyUsedSymbolsOnce() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        site.build()
        let page = try #require(site.read("index.html"))
        #expect(page.components(separatedBy: "<symbol id=\"icon-star\"").count == 2)
        #expect(!page.contains("icon-unused"))
        #expect(page.contains("<use href=\"#icon-star\"></use>"))
        let sprite = try #require(page.firstMatch(of: #/<body>\n(<svg[^>]*class="icon-sprite"[^>]*>.*?</svg>)/#)).1
        #expect(sprite.components(separatedBy: "<symbol ").count == 2)
    }

    @Test func brokenIconFileIsAnErrorNamingIt() throws {
        let site = try TestSite(Sites.valid + """

        -- themes/minimal/icons/bad.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path onclick="steal()" d="M0 0"/></svg>
        -- themes/minimal/icons/nobox.svg --
        <svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.diagnostics.map(\.description) == [
            "themes/minimal/icons/bad.svg:1:1: error: icon 'bad': event attribute 'onclick' is not allowed in an icon",
            "themes/minimal/icons/nobox.svg:1:1: error: icon 'nobox': the <svg> has no viewBox",
        ])
    }

    @Test func unknownSocialIconIsAnErrorInSiteYml() throws {
        let site = try TestSite(Sites.valid + """

        -- site/site.yml --
        title: Test News
        base_url: https://example.org/
        theme: minimal
        social:
          - icon: strar
            url: https://example.org/x
        """)
        defer { site.delete() }
        #expect(site.build().diagnostics.map(\.description) == ["site/site.yml:5:11: error: unknown icon 'strar'; did you mean 'star'?"])
    }

    @Test(arguments: [
        ("2026-10-31T23:59:59+02:00", false),
        ("2026-11-01T00:00:00+02:00", true),
        ("2026-12-30T12:00:00Z", true),
        ("2026-12-31T00:00:00+02:00", false),
    ])
    func bannerShowsOnlyInsideItsWindow(_ now: String, _ shown: Bool) throws {
        let site = try TestSite(Sites.valid + """

        -- site/site.yml --
        title: Test News
        base_url: https://example.org/
        timezone: Europe/Bucharest
        theme: minimal
        banner:
          text: Gifts matched
          cta: Give
          url: https://example.org/give
          start: 2026-11-01
          end: 2026-12-31
        """)
        defer { site.delete() }
        #expect(site.build(now: now).succeeded)
        #expect(site.read("index.html")?.contains("<aside class=\"banner\">Gifts matched") == shown)
    }
}

extension ThemeTests {
    @Test func siteLayoutsAndPartialsOverrideTheTheme() throws {
        let site = try TestSite(Sites.valid + """

        -- site/partials/card.mustache --
        <li class="site-card"><a href="{{url}}">{{title}}</a></li>
        -- site/layouts/404.mustache --
        {{<base}}{{$main}}<h1>Lost? Try the news.</h1>{{/main}}{{/base}}
        """)
        defer { site.delete() }
        #expect(site.build().succeeded)
        #expect(site.read("index.html")?.contains("<li class=\"site-card\">") == true)
        #expect(site.read("404.html")?.contains("<h1>Lost? Try the news.</h1>") == true)
    }
}
