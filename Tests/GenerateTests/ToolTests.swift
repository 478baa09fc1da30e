import Foundation
import Testing
@testable import Newsroom

/// Issue 7: `new`, `list` and `check`, run as the author and the operator would.
@Suite struct ToolTests {
    let now = ["--now", "2026-11-29T12:00:00Z"]

    @Test func newCreatesADatedItemAndRefusesToOverwrite() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let first = try CommandRunner.run(["new", "Ça commence: Україна & more", "--now", "2026-11-29T23:30:00Z"], in: site.root)
        // 23:30 UTC is already the 30th in Bucharest (site timezone).
        #expect(first.stdout == "site/content/news/2026-11-30-ca-commence-україна-more.md\n", "\(first.stderr)")
        #expect(first.status == 0)
        let text = try String(contentsOf: site.site.appendingPathComponent("content/news/2026-11-30-ca-commence-україна-more.md"), encoding: .utf8)
        // The permanent id (a tag URI, which holds only ASCII) is written with the item.
        #expect(text.hasPrefix("---\ntitle: \"Ça commence: Україна & more\"\nid: tag:example.org,2026-11-30:ca-commence-%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0-more\ndate: 2026-11-30T01:30:00+02:00\n"), "\(text)")
        let again = try CommandRunner.run(["new", "Ça commence: Україна & more", "--now", "2026-11-29T23:30:00Z"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr == "error: site/content/news/2026-11-30-ca-commence-україна-more.md already exists; not overwriting it\n")
        let bundle = try CommandRunner.run(["new", "With pictures", "--bundle"] + now, in: site.root)
        #expect(bundle.stdout == "site/content/news/2026-11-29-with-pictures/index.md\n")
        // The new item is a draft: the site still builds, and it is not published.
        let build = try CommandRunner.run(now + ["--quiet"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("news/2026/11/with-pictures").path))
    }

    @Test func newWithoutUsableTitle() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(try CommandRunner.run(["new", "!!!"], in: site.root).status == 1)
        #expect(try CommandRunner.run(["new", "  "], in: site.root).status == 2)
    }

    @Test func listShowsDraftsScheduledAndExpired() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2024-02-01-draft.md --
        ---
        title: A draft
        date: 2024-02-01
        draft: true
        ---
        -- site/content/news/2027-01-05-later.md --
        ---
        title: Later
        date: 2027-01-05T08:00:00Z
        ---
        -- site/content/news/2025-01-01-gone.md --
        ---
        title: Gone
        date: 2025-01-01
        expires: 2026-06-01
        ---
        """)
        defer { site.delete() }
        #expect(try CommandRunner.run(["list", "drafts"] + now, in: site.root).stdout == "2024-02-01 00:00  site/content/news/2024-02-01-draft.md  A draft\n")
        #expect(try CommandRunner.run(["list", "scheduled"] + now, in: site.root).stdout == "2027-01-05 10:00  site/content/news/2027-01-05-later.md  Later\n")
        #expect(try CommandRunner.run(["list", "expired"] + now, in: site.root).stdout == "2026-06-01 00:00  site/content/news/2025-01-01-gone.md  Gone\n")
        #expect(try CommandRunner.run(["list", "nonsense"], in: site.root).status == 2)
        let build = site.build()
        #expect(build.succeeded)
        #expect(!site.exists("news/2025/01/gone/index.html"))
    }

    @Test func checkPassesAGoodSite() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let outcome = try CommandRunner.run(["check"] + now, in: site.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "check: no problems\n")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func checkReportsPageProblemsWithTheirPlace() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-sloppy.md --
        ---
        title: Sloppy
        date: 2023-05-01
        ---
        See [details](2023-03-21-first.md#details) and [words](2023-03-21-first.md#:~:text=Some%20detail).

        ![](../../static/images/logo.svg)

        #### Skipped levels

        [](2023-03-21-first.md)
        """)
        defer { site.delete() }
        let outcome = try CommandRunner.run(["check"] + now, in: site.root)
        #expect(outcome.status == 1)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        let page = "output/news/2023/05/sloppy/index.html"
        let source = "site/content/news/2023-05-01-sloppy.md"
        // `![](x)` writes `alt=""`: a decorative image, which the build accepts too.
        #expect(!lines.contains { $0.contains("alt text") })
        #expect(lines.contains("\(source):9:1: error: heading level skipped: <h4> after <h1>"), "\(lines)")
        #expect(lines.contains("\(source):11:1: error: link without text (../../03/first/index.html)"), "\(lines)")
        #expect(!lines.contains { $0.hasPrefix(page) }, "\(lines)")
        #expect(lines.last == "check: 2 problems", "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// A second `<h1>` and a repeated id that come from a body are the body's problems: located
    /// at the heading in the source, not in the output page.
    @Test func headingProblemsFromABodyAreLocatedInTheSource() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-loud.md --
        ---
        id: tag:example.org,2023-05-01:loud
        title: Loud
        date: 2023-05-01
        ---
        Intro.

        # Shouting title
        """)
        defer { site.delete() }
        let outcome = try CommandRunner.run(["check"] + now, in: site.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.split(separator: "\n").map(String.init) == [
            "site/content/news/2023-05-01-loud.md:8:1: error: the page has 2 <h1> elements; it should have exactly one",
            "check: 1 problem",
        ])
    }

    /// Fragment links are the build's to check, so `check` reports them at the author's line.
    @Test func checkReportsBrokenFragmentsAtTheirSource() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-sloppy.md --
        ---
        id: tag:example.org,2023-05-01:sloppy
        title: Sloppy
        date: 2023-05-01
        ---
        See [details](2023-03-21-first.md#nowhere) and [here](#missing).
        """)
        defer { site.delete() }
        let outcome = try CommandRunner.run(["check"] + now, in: site.root)
        #expect(outcome.status == 1)
        let file = "site/content/news/2023-05-01-sloppy.md"
        #expect(outcome.stderr.split(separator: "\n").map(String.init).prefix(2) == [
            "\(file):6:5: error: link '2023-03-21-first.md#nowhere' points at an id that 'site/content/news/2023-03-21-first.md' does not have",
            "\(file):6:48: error: link '#missing' points at an id that '\(file)' does not have",
        ])
    }

    /// Same input, same verdict: an image without any `alt` is a problem wherever it comes from
    /// (a theme's is located in the output page), an empty `alt` is decorative and passes in
    /// both; an alias's redirect page is not held to page rules; `#:~:text=` names no id.
    @Test func checkAgreesWithTheBuild() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-fine.md --
        ---
        id: tag:example.org,2023-05-01:fine
        title: Fine
        date: 2023-05-01
        aliases: [/old/fine/]
        ---
        A divider ![](/images/logo.svg) and [a quote](2023-03-21-first.md#:~:text=first%20paragraph).
        -- site/layouts/page.mustache --
        {{<base}}{{$main}}<h1>{{title}}</h1><img src="{{assets_url}}style.css">
        {{{content}}}{{/main}}{{/base}}
        """)
        defer { site.delete() }
        let build = site.build()
        #expect(build.succeeded)
        #expect(build.otherDiagnostics.isEmpty, "\(build.otherDiagnostics)")
        let outcome = try CommandRunner.run(["check"] + now, in: site.root)
        #expect(outcome.stderr.split(separator: "\n").map(String.init) == [
            "output/about/index.html:14:1: error: image without alt text (../assets/style.css)",
            "check: 1 problem",
        ])
    }

    @Test func checkReportsContentErrorsLikeABuild() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-bad.md --
        ---
        title: Bad
        date: 2023-02-30
        ---
        """)
        defer { site.delete() }
        let outcome = try CommandRunner.run(["check"] + now, in: site.root)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("site/content/news/2023-05-01-bad.md:3:7: error: 'date' is not a real date"))
    }
}
