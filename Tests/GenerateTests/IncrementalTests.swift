import Foundation
import Testing
@testable import Newsroom

/// Issue 5: a rebuild after a change gives byte-for-byte the output of a clean build of the
/// changed site, and rewrites only what the change touches.
@Suite struct IncrementalTests {
    /// Builds the fixture, applies `change`, rebuilds in place, and compares with a clean build.
    @discardableResult
    func rebuildMatchesCleanBuild(_ change: (TestSite) throws -> Void) throws -> BuildResult {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        try change(site)
        let incremental = site.build()
        #expect(incremental.succeeded, "\(incremental.diagnostics)")
        let clean = ScratchOutput.make("clean")
        defer { ScratchOutput.remove(clean) }
        #expect(site.build { $0.output = clean }.succeeded)
        Fixtures.expectSameFiles(site.outputTree(), as: Fixtures.tree(at: clean), "incremental")
        return incremental
    }

    @Test func noChangeWritesNothing() throws {
        let result = try rebuildMatchesCleanBuild { _ in }
        #expect(result.report.written == 0)
        #expect(result.report.removed == 0)
    }

    @Test func editingOneItemRewritesOnlyThePagesThatShowIt() throws {
        let result = try rebuildMatchesCleanBuild { site in
            let path = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Item 12 opens the story.", with: "Item 12 opens a changed story.")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        // Its page, the listings and neighbours that show its summary, and the feeds.
        #expect(result.report.written > 0)
        #expect(result.report.written < 25, "\(result.report)")
    }

    @Test func editingATitleRewritesItsNeighboursToo() throws {
        try rebuildMatchesCleanBuild { site in
            let path = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Fixture item item-12", with: "A new headline")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func deletingAnItem() throws {
        let result = try rebuildMatchesCleanBuild { site in
            try site.remove("site/content/news/2023-08-12-item-11.md")
        }
        #expect(result.report.removed >= 1)
    }

    @Test func renamingAnItem() throws {
        try rebuildMatchesCleanBuild { site in
            try FileManager.default.moveItem(
                at: site.site.appendingPathComponent("content/news/2022-07-02-item-01.md"),
                to: site.site.appendingPathComponent("content/news/2022-07-02-item-one.md")
            )
            let linking = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
            let text = try String(contentsOf: linking, encoding: .utf8).replacingOccurrences(of: "2022-07-02-item-01.md", with: "2022-07-02-item-one.md")
            try text.write(to: linking, atomically: true, encoding: .utf8)
        }
    }

    @Test func changingALayout() throws {
        let result = try rebuildMatchesCleanBuild { site in
            let path = site.themes.appendingPathComponent("minimal/layouts/base.mustache")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "<main>", with: "<main class=\"changed\">")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        #expect(result.report.written > 50)
    }

    @Test func changingSiteYml() throws {
        try rebuildMatchesCleanBuild { site in
            let path = site.site.appendingPathComponent("site.yml")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Fixture Newsroom", with: "Renamed Newsroom")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func aTouchedOutputFileIsRepaired() throws {
        try rebuildMatchesCleanBuild { site in
            try "tampered".write(to: site.output.appendingPathComponent("news/2023/09/item-12/index.html"), atomically: false, encoding: .utf8)
        }
    }
}

extension IncrementalTests {
    @Test func changingTheTimezoneRereadsEveryDate() throws {
        try rebuildMatchesCleanBuild { site in
            let path = site.site.appendingPathComponent("site.yml")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Europe/Bucharest", with: "America/New_York")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func cachedItemsKeepTheirWarnings() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        try site.write("""
        -- site/content/news/2023-06-01-odd.md --
        ---
        title: Odd
        date: 2023-06-01
        colour: blue
        ---
        Text.
        """)
        let first = site.build()
        let second = site.build()
        #expect(first.otherDiagnostics.map(\.description) == ["site/content/news/2023-06-01-odd.md:4:1: warning: unknown key 'colour'; it is ignored"])
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.report.written == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(IncrementalState.fileName).path))
    }

    /// Warnings found while rendering a page (a dropped link) are given again when the page is
    /// kept, and stop once the page no longer has them.
    @Test func keptPagesKeepTheirRenderWarnings() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        try site.write("""
        -- site/content/news/2023-06-01-odd.md --
        ---
        title: Odd
        date: 2023-06-01
        ---
        A [bad link](javascript:alert(1)) here.
        """)
        let first = site.build()
        #expect(first.succeeded)
        #expect(first.otherDiagnostics.count == 1)
        #expect(first.otherDiagnostics.first?.description.hasPrefix("site/content/news/2023-06-01-odd.md:5:3: warning:") == true, "\(first.otherDiagnostics)")
        let second = site.build()
        #expect(second.report.written == 0)
        #expect(second.diagnostics == first.diagnostics)
        // Another item changes: this build renders some pages and keeps the odd item's page.
        let other = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
        try String(contentsOf: other, encoding: .utf8).replacingOccurrences(of: "Item 12 opens the story.", with: "Item 12 opens a changed story.")
            .write(to: other, atomically: true, encoding: .utf8)
        let partial = site.build()
        #expect(!partial.reusedOutput)
        #expect(partial.report.written > 0)
        #expect(partial.diagnostics == first.diagnostics)
        try site.write("""
        -- site/content/news/2023-06-01-odd.md --
        ---
        title: Odd
        date: 2023-06-01
        ---
        A plain line here.
        """)
        let third = site.build()
        #expect(third.succeeded)
        #expect(third.otherDiagnostics.isEmpty, "\(third.otherDiagnostics)")
        #expect(site.build().otherDiagnostics.isEmpty)
    }
}
