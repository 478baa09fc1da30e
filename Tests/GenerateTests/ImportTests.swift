import Foundation
import Testing
@testable import Newsroom

/// `generate import` end to end: each fixture archive under `Fixtures/import/` is imported into an
/// empty site and built with the default theme. The build succeeds, every old URL of a published
/// item or page answers in the output, no link needs a server, all template code left behind is
/// in the report, and the report is the recorded one (`NEWSROOM_RECORD=1` records it again).
@Suite struct ImportTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: ImportKind
        var source: String
        var permalink: String?
        var baseURL: String?
        /// Old URLs (as alias files) that must answer after the build.
        var oldPages: [String]
        var description: String { source }
    }

    static let cases = [
        Case(kind: .jekyll, source: "jekyll", oldPages: [
            "campaigns/2019/03/08/womens-day-vigil/index.html", "vigil/index.html",
            "news/2020/06/15/shelter-reopens/index.html", "press/2021/11/02/annual-report/index.html",
            "about/index.html", "contact/index.html",
        ]),
        Case(kind: .hugo, source: "hugo", oldPages: [
            "2022/03/flood-appeal/index.html", "2021/12/two-hundred-coats-for-the-winter/index.html", "news/coats/index.html",
            "about-us/index.html", "posts/index.html",
        ]),
        Case(kind: .wordpress, source: "wordpress/export.xml", oldPages: [
            "2021/05/12/walk-in-clinic-opens/index.html", "2021/09/20/rent-strike-march/index.html", "about-us/index.html",
        ]),
        Case(kind: .markdown, source: "markdown/blog", permalink: "/en/blog/:section/:name/", baseURL: "https://www.canalstreet.example/", oldPages: [
            "en/blog/updates/new-year-new-office/index.html", "en/blog/events/spring-fair/index.html", "en/blog/volunteer/index.html",
        ]),
    ]

    static func options(_ test: Case, into site: URL) -> ImportOptions {
        ImportOptions(
            kind: test.kind, source: SourceFolder(url: Fixtures.url("import/" + test.source), displayName: test.source),
            site: SourceFolder(url: site, displayName: "site"), baseURL: test.baseURL, permalink: test.permalink
        )
    }

    @Test(arguments: cases) func importsAndBuildsWithEveryOldURLKept(_ test: Case) throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        let outcome = Importer.run(Self.options(test, into: work.site))
        #expect(outcome.diagnostics == [])
        try work.useDefaultTheme()
        let result = work.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        // Every imported item has its permanent feed id pinned: none is derived.
        #expect(!result.diagnostics.contains(where: ItemIDs.isUnpinnedWarning), "\(result.diagnostics)")
        for page in test.oldPages {
            #expect(work.exists(page), "old URL \(page) does not answer")
        }
        #expect(LinkWalk.brokenLinks(in: work.output) == [])
        for (path, data) in work.outputTree() where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("href=\"/") && !html.contains("src=\"/"), "\(path) has a root-relative link")
        }
        // Template code the build warns about is all in the report, at the same line.
        let needs = Set(outcome.report.needs.map { "\($0.path):\($0.line)" })
        for warning in result.diagnostics where warning.message.contains("left from another generator") {
            #expect(needs.contains("\(warning.path):\(warning.line)"), "unreported: \(warning)")
        }
        try Self.expectReport(outcome.report.text, named: test.source.split(separator: "/")[0] + ".report.txt")
    }

    @Test func importingTwiceGivesIdenticalFiles() throws {
        for test in Self.cases {
            let first = try TestSite("", theme: false)
            let second = try TestSite("", theme: false)
            defer { first.delete(); second.delete() }
            _ = Importer.run(Self.options(test, into: first.site))
            _ = Importer.run(Self.options(test, into: second.site))
            let tree = Fixtures.tree(at: first.site)
            #expect(!tree.isEmpty)
            #expect(tree == Fixtures.tree(at: second.site), "\(test.source)")
        }
    }

    @Test func dryRunWritesNothingAndReportsTheSame() throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        var options = Self.options(Self.cases[0], into: work.site)
        options.dryRun = true
        let dry = Importer.run(options)
        #expect(!FileManager.default.fileExists(atPath: work.site.path))
        #expect(dry.report.written.contains("site/content/news/2019-03-08-womens-day-vigil/index.md"))
        options.dryRun = false
        #expect(Importer.run(options).report == dry.report)
    }

    @Test func existingFilesAreNeverOverwrittenUnlessForced() throws {
        let work = try TestSite("""
        -- site/content/pages/contact.md --
        ---
        title: Our own contact page
        ---
        """, theme: false)
        defer { work.delete() }
        var options = Self.options(Self.cases[0], into: work.site)
        let refused = Importer.run(options)
        #expect(refused.wroteNothing)
        #expect(refused.diagnostics.map(\.description) == [
            "site/content/pages/contact.md:1:1: error: already exists; nothing was imported (use --force to overwrite)",
        ])
        #expect(!FileManager.default.fileExists(atPath: work.site.appendingPathComponent("site.yml").path))
        #expect(try String(contentsOf: work.site.appendingPathComponent("content/pages/contact.md"), encoding: .utf8).contains("Our own"))
        options.force = true
        let forced = Importer.run(options)
        #expect(forced.diagnostics == [])
        #expect(try String(contentsOf: work.site.appendingPathComponent("content/pages/contact.md"), encoding: .utf8).contains("title: \"Contact\""))
    }

    @Test func anExistingSiteYmlIsKeptAndItsMissingRawHTMLReported() throws {
        let work = try TestSite("""
        -- site/site.yml --
        title: Our news
        base_url: https://northsidelegal.example/
        timezone: Europe/London
        theme: default
        """, theme: false)
        defer { work.delete() }
        let before = try Data(contentsOf: work.site.appendingPathComponent("site.yml"))
        let outcome = Importer.run(Self.options(Self.cases[2], into: work.site))
        #expect(outcome.diagnostics == [])
        #expect(try Data(contentsOf: work.site.appendingPathComponent("site.yml")) == before)
        #expect(outcome.report.needs.map(\.description).contains("site/site.yml:1: the bodies are HTML: set 'raw_html: true' here"))
    }

    static func expectReport(_ text: String, named name: String) throws {
        let url = Fixtures.url("import/" + name)
        if ProcessInfo.processInfo.environment["NEWSROOM_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected)
    }
}
