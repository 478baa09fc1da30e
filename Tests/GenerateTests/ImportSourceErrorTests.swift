import Foundation
import Testing
@testable import Newsroom

/// Bad archives: each broken file is an error at its place, everything else is imported, and
/// a write that fails leaves the site as it was.
@Suite struct ImportSourceErrorTests {
    static func importing(_ kind: ImportKind, _ archive: String, source: String = "old", fileSystem: FileSystem = .local) throws -> (TestSite, Importer.Outcome, [String]) {
        let work = try TestSite(archive, theme: false)
        var options = ImportOptions(
            kind: kind, source: SourceFolder(url: work.root.appendingPathComponent(source), displayName: source),
            site: SourceFolder(url: work.site, displayName: "site")
        )
        options.fileSystem = fileSystem
        let outcome = Importer.run(options)
        let written = Fixtures.tree(at: work.site).keys.sorted()
        return (work, outcome, written)
    }

    @Test func brokenFrontMatterAndUnreadableFilesAreLocatedAndTheRestImported() throws {
        let (work, outcome, written) = try Self.importing(.jekyll, """
        -- old/_config.yml --
        title: Old news
        url: https://old.example
        -- old/_posts/2020-01-01-good.md --
        ---
        title: Good
        ---
        Fine.
        -- old/_posts/2020-01-02-broken.md --
        ---
        title: Broken
        tags: [one, two
        ---
        Never read.
        -- old/_posts/2020-01-03-unreadable.md --
        ---
        title: Unreadable
        ---
        -- old/_posts/2020-01-04-bad-date.md --
        ---
        title: Bad date
        date: 2020-13-45
        ---
        """, fileSystem: FileSystem.local.failingReads(of: "unreadable.md"))
        defer { work.delete() }
        #expect(outcome.diagnostics.map(\.description) == [
            "old/_posts/2020-01-02-broken.md:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)",
            "old/_posts/2020-01-03-unreadable.md:1:1: error: cannot read this file",
            "old/_posts/2020-01-04-bad-date.md:3:1: error: 'date' is not a date: '2020-13-45'",
        ])
        #expect(written.contains("content/news/2020-01-01-good.md"))
        #expect(!written.contains { $0.contains("broken") || $0.contains("unreadable") })
    }

    @Test func brokenTOMLIsAnErrorAtItsLine() throws {
        let (work, outcome, written) = try Self.importing(.hugo, """
        -- old/hugo.toml --
        baseURL = "https://old.example/"
        title = "Old"
        -- old/content/posts/fine.md --
        +++
        title = "Fine"
        date = 2021-02-03
        +++
        Fine.
        -- old/content/posts/broken.md --
        +++
        title = "Broken"
        date = 2021-02-04
        tags = ["a", "b"
        +++
        Never read.
        """)
        defer { work.delete() }
        #expect(outcome.diagnostics.map(\.description) == [
            "old/content/posts/broken.md:4:1: error: TOML: expected ',' or ']' in a list",
        ])
        #expect(written.contains("content/news/2021-02-03-fine.md"))
        #expect(!written.contains { $0.contains("broken") })
    }

    @Test func aTruncatedExportImportsTheItemsBeforeTheCut() throws {
        let full = try String(contentsOf: Fixtures.url("import/wordpress/export.xml"), encoding: .utf8)
        // Cut inside the third post (the draft), as an interrupted download leaves it. The images
        // are not beside this copy, so the posts are single files.
        let cut = full.range(of: "Notes for the briefing")!.lowerBound
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try work.writeData(Data(full[..<cut].utf8), to: "export.xml")
        let options = ImportOptions(
            kind: .wordpress, source: SourceFolder(url: work.root.appendingPathComponent("export.xml"), displayName: "export.xml"),
            site: SourceFolder(url: work.site, displayName: "site")
        )
        let outcome = Importer.run(options)
        let errors = outcome.diagnostics.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("export.xml:\(full[..<cut].split(separator: "\n", omittingEmptySubsequences: false).count):") == true, "\(errors)")
        #expect(errors.first?.contains("only the items before this line are imported") == true)
        let written = Fixtures.tree(at: work.site).keys.sorted()
        #expect(written.contains("content/news/2021-05-12-walk-in-clinic-opens.md"))
        #expect(written.contains("content/news/2021-09-20-rent-strike-march.md"))
        #expect(!written.contains { $0.contains("eviction") || $0.contains("winter") || $0.contains("about-us") })
        #expect(outcome.report.needs.map(\.description).contains { $0.contains("this item and those after it were not imported") })
    }

    @Test func aFailedWriteLeavesTheSiteAsItWas() throws {
        let (work, outcome, written) = try Self.importing(.jekyll, """
        -- old/_posts/2020-01-01-one.md --
        ---
        title: One
        ---
        -- old/_posts/2020-01-02-two.md --
        ---
        title: Two
        ---
        -- site/keep.txt --
        mine
        """, fileSystem: .full(after: 200))
        defer { work.delete() }
        #expect(outcome.wroteNothing)
        #expect(outcome.diagnostics.count == 1)
        #expect(written == ["keep.txt"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.root.path).filter { $0.contains("newsroom-import") }
        #expect(leftovers == [])
    }
}
