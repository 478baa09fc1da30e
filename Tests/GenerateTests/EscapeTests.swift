import Foundation
import Testing
@testable import Newsroom

/// Issue 6.2 and 6.3: nothing escapes the output folder; two sources never share a URL.
@Suite struct EscapeTests {
    @Test(arguments: [
        ("slug: ../../etc", "slug '../../etc' may hold only lower-case letters"),
        ("slug: /etc/passwd", "slug '/etc/passwd' may hold only lower-case letters"),
        ("slug: a%2e%2e", "slug 'a%2e%2e' may hold only lower-case letters"),
        ("slug: 'a\\b'", "slug 'a\\b' may hold only lower-case letters"),
        ("aliases: [/../../outside/]", "alias '/../../outside/' must be a path inside the site"),
        ("aliases: ['/%2e%2e/x/']", "alias '/%2e%2e/x/' must be a path inside the site"),
        ("aliases: ['/a\\b/']", "alias '/a\\b/' must be a path inside the site"),
        ("aliases: [relative/path/]", "alias 'relative/path/' must be a path inside the site"),
        ("image: {src: ../../../../etc/passwd, alt: x}", "'image.src': '../../../../etc/passwd' points outside the site folder"),
        ("image: {src: /etc/passwd, alt: x}", "'image.src': image target '/etc/passwd' does not exist"),
    ])
    func hostilePathsAreRejected(_ line: String, _ message: String) throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-evil.md --
        ---
        title: Evil
        date: 2023-05-01
        \(line)
        ---
        Text.
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains(message) }, "\(result.otherDiagnostics)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("outside").path))
        #expect(!site.exists("index.html"))
    }

    @Test func nulInAFileNameOrSlug() throws {
        let site = try TestSite(Sites.valid + "\n-- site/content/news/2023-05-01-nul.md --\n---\ntitle: N\ndate: 2023-05-01\nslug: \"a\\0b\"\n---\n")
        defer { site.delete() }
        #expect(site.build().diagnostics.contains { $0.message.hasPrefix("slug 'a\0b' may hold only") })
    }

    @Test func linksOutOfTheSiteAreRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-secret-\(UUID().uuidString).txt")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try FileManager.default.createSymbolicLink(at: site.site.appendingPathComponent("static/secret.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: site.site.appendingPathComponent("content/news/2023-05-01-linked.md"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: site.themes.appendingPathComponent("minimal/assets/up"), withDestinationURL: site.root)
        let result = site.build()
        let messages = result.otherDiagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("site/static/secret.txt:1:1: error: 'secret.txt' is a link that leads outside") })
        #expect(messages.contains { $0.hasPrefix("site/content/news/2023-05-01-linked.md:1:1: error: '2023-05-01-linked.md' is a link that leads outside") })
        #expect(messages.contains { $0.hasPrefix("themes/minimal/assets/up:1:1: error: 'up' is a link that leads outside") })
        #expect(!site.exists("secret.txt"))
    }

    @Test func aLinkInsideTheSiteIsFollowed() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try FileManager.default.createSymbolicLink(at: site.site.appendingPathComponent("static/logo-again.svg"), withDestinationURL: site.site.appendingPathComponent("static/images/logo.svg"))
        #expect(site.build().succeeded)
        #expect(site.exists("logo-again.svg"))
    }

    @Test func duplicateSlugsNameBothFiles() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-03-22-first.md --
        ---
        title: Another first
        date: 2023-03-22
        ---
        Text.
        """)
        defer { site.delete() }
        #expect(site.build().otherDiagnostics.map(\.description) == [
            "site/content/news/2023-03-21-first.md:1:1: error: 'news/2023/03/first/index.html' would be written twice: by site/content/news/2023-03-22-first.md and by site/content/news/2023-03-21-first.md",
        ])
    }

    @Test func aPageAndAStaticFileOnOnePath() throws {
        let site = try TestSite(Sites.valid + """

        -- site/static/about/index.html --
        <p>old about page</p>
        """)
        defer { site.delete() }
        #expect(site.build().otherDiagnostics.map(\.description) == [
            "site/static/about/index.html:1:1: error: 'about/index.html' would be written twice: by site/content/pages/about.md and by site/static/about/index.html",
        ])
    }

    @Test func aPageCannotTakeTheNewsPath() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/pages/news.md --
        ---
        title: News page
        ---
        Text.
        """)
        defer { site.delete() }
        #expect(site.build().otherDiagnostics.map(\.description) == ["site/content/pages/news.md:1:1: error: slug 'news' is taken by the generator's own pages"])
    }
}
