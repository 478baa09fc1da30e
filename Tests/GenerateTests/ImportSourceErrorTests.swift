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
        [permalinks
        posts = "/:year/:slug/"
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
            "old/hugo.toml:3:1: error: TOML: a table header must end with ']'",
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

    @Test func aMalformedExportIsAnErrorAtItsLineAndTheItemsBeforeAreImported() throws {
        let full = try String(contentsOf: Fixtures.url("import/wordpress/export.xml"), encoding: .utf8)
        // The march's title closed with the wrong tag, as a hand edit leaves it.
        let broken = full.replacingOccurrences(of: "<title><![CDATA[Hundreds march for a rent freeze]]></title>", with: "<title><![CDATA[Hundreds march for a rent freeze]]></titel>")
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try work.writeData(Data(broken.utf8), to: "export.xml")
        let outcome = Importer.run(ImportOptions(
            kind: .wordpress, source: SourceFolder(url: work.root.appendingPathComponent("export.xml"), displayName: "export.xml"),
            site: SourceFolder(url: work.site, displayName: "site")
        ))
        let line = broken[..<broken.range(of: "</titel>")!.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.description.hasPrefix("export.xml:") == true)
        let reported = Int(outcome.diagnostics.first?.description.split(separator: ":")[1] ?? "") ?? 0
        #expect(reported >= line, "the error is reported before the broken tag, at \(reported)")
        let written = Fixtures.tree(at: work.site).keys.sorted()
        #expect(written.contains("content/news/2021-05-12-walk-in-clinic-opens.md"))
        #expect(!written.contains { $0.contains("rent-strike") })
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

/// SOURCE may be just a posts folder: files the posts reference from the old root are found in
/// the folders above it.
@Suite struct ImportPostsFolderTests {
    @Test func aPostsFolderFindsItsImagesAbove() throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try FileManager.default.copyItem(at: Fixtures.url("import/jekyll"), to: work.root.appendingPathComponent("old"))
        let options = ImportOptions(
            kind: .jekyll, source: SourceFolder(url: work.root.appendingPathComponent("old/_posts"), displayName: "old/_posts"),
            site: SourceFolder(url: work.site, displayName: "site"), baseURL: "https://news.harbourlight.example/",
            permalink: "/:year/:month/:day/:title.html"
        )
        let outcome = Importer.run(options)
        #expect(outcome.diagnostics == [])
        #expect(outcome.report.items == 2)
        let written = Fixtures.tree(at: work.site)
        #expect(written["content/news/2019-03-08-womens-day-vigil/vigil.png"] == FileManager.default.contents(atPath: work.root.appendingPathComponent("old/assets/img/vigil.png").path))
        let vigil = String(decoding: try #require(written["content/news/2019-03-08-womens-day-vigil/index.md"]), as: UTF8.self)
        #expect(vigil.contains("  - \"/2019/03/08/womens-day-vigil.html\"\n"))
        #expect(vigil.contains("[shelter reopened](../2020-06-15-shelter-reopens/index.md)"))
        // :section is the folder below SOURCE.
        var sectioned = options
        sectioned.permalink = "/archive/:section/:name/"
        let other = try TestSite("", theme: false)
        defer { other.delete() }
        sectioned.site = SourceFolder(url: other.site, displayName: "site")
        #expect(Importer.run(sectioned).diagnostics == [])
        let reopened = String(decoding: try #require(FileManager.default.contents(atPath: other.site.appendingPathComponent("content/news/2020-06-15-shelter-reopens/index.md").path)), as: UTF8.self)
        #expect(reopened.contains("  - \"/archive/2020/shelter-reopens/\"\n"))
    }
}
