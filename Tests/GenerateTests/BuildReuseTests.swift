import Foundation
import Testing
@testable import Newsroom

/// Issue 5: a rebuild whose inputs all match the last build's digest keeps the whole output
/// without planning or rendering, reports what that build reported, and anything that changes
/// the output (content, static and bundle files, theme, options, the clock, a touched output
/// file) makes it build again, matching a clean build.
@Suite struct BuildReuseTests {
    /// The news fixture plus a static file, a bundle and one warning from each stage.
    static func site() throws -> TestSite {
        let site = try NewsSite.make()
        try site.write("""
        -- site/static/files/report.txt --
        version one
        -- site/content/news/2023-06-01-odd.md --
        ---
        title: Odd
        date: 2023-06-01
        colour: blue
        tags: [Rights, rights]
        ---
        A [bad link](javascript:alert(1)) here.
        -- site/content/news/2023-07-01-bundle/index.md --
        ---
        title: A bundle
        date: 2023-07-01
        image:
          src: chart.svg
          alt: A chart
        ---
        Text.
        -- site/content/news/2023-07-01-bundle/chart.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
        """)
        return site
    }

    /// Builds again after `change` and checks it was not reused and equals a clean build.
    func rebuildsAfter(_ change: (TestSite) throws -> Void, now: String = "2026-11-29T12:00:00Z", adjust: @escaping (inout GenerateOptions) -> Void = { _ in }) throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        try change(site)
        let again = site.build(now: now, adjust)
        #expect(again.succeeded, "\(again.diagnostics)")
        #expect(!again.reusedOutput)
        let clean = ScratchOutput.make("clean")
        defer { ScratchOutput.remove(clean) }
        let cleanBuild = site.build(now: now) { adjust(&$0); $0.output = clean }
        #expect(cleanBuild.succeeded)
        #expect(site.outputTree() == Fixtures.tree(at: clean))
        #expect(again.diagnostics == cleanBuild.diagnostics)
    }

    /// With no records to compare (a first build), each item file's fingerprint comes from
    /// reading it: the records kept for the next build are what looking at the files gives,
    /// and a file that cannot be read is looked at instead.
    @Test func aFirstLoadTakesFingerprintsFromTheReads() throws {
        let site = try Self.site()
        defer { site.delete() }
        var options = site.options()
        options.fileSystem = FileSystem.local.failingReads(of: "2023-06-01-odd.md")
        var log = DiagnosticLog()
        let loaded = try #require(SiteLoader.read(site: options.site, themes: options.themes, baseURLOverride: nil, cleanURLs: nil, fileSystem: options.fileSystem, log: &log))
        let records = loaded.source.itemCache.records
        #expect(records.count == loaded.sources.count && records.count > 3)
        for (path, record) in records {
            #expect(record.fingerprint == ItemCache.Fingerprint.of(FileSystem.local.status(options.site.path(path))), "\(path)")
        }
        #expect(records["content/news/2023-06-01-odd.md"]?.item == nil)
    }

    @Test func unchangedInputsReuseTheOutputAndItsWarnings() throws {
        let site = try Self.site()
        defer { site.delete() }
        let first = site.build { $0.countPageKinds = true }
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(!first.reusedOutput)
        let kinds = Set(first.otherDiagnostics.map(\.message).map { $0.prefix(14) })
        #expect(kinds.count == 3, "a load, a plan and a render warning: \(first.otherDiagnostics)")
        let before = site.outputTree()
        let second = site.build { $0.countPageKinds = true }
        #expect(second.reusedOutput)
        #expect(second.report == OutputWriter.Report(written: 0, unchanged: first.report.written, removed: 0))
        #expect(second.diagnostics == first.diagnostics)
        #expect((second.pageCount, second.feedCount) == (first.pageCount, first.feedCount))
        #expect(second.pagesByKind == first.pagesByKind)
        #expect(second.nextScheduled?.path == first.nextScheduled?.path)
        #expect(site.outputTree() == before)
        #expect(!second.stageTimes.contains { $0.stage == "plan" })
    }

    @Test func editingAnItem() throws {
        try rebuildsAfter { site in
            let path = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "Item 12 opens the story.", with: "Item 12 opens a changed story.")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func staticFileOfTheSameSize() throws {
        try rebuildsAfter { site in try site.write("-- site/static/files/report.txt --\nversion two") }
    }

    @Test func bundleFile() throws {
        try rebuildsAfter { site in
            try site.write("""
            -- site/content/news/2023-07-01-bundle/chart.svg --
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5" cx="5" cy="5"/></svg>
            """)
        }
    }

    @Test func layout() throws {
        try rebuildsAfter { site in
            let path = site.themes.appendingPathComponent("minimal/layouts/item.mustache")
            try (String(contentsOf: path, encoding: .utf8) + "\n<!-- changed -->\n").write(to: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func siteYml() throws {
        try rebuildsAfter { site in
            let path = site.site.appendingPathComponent("site.yml")
            try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "per_page: 5", with: "per_page: 6").write(to: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func clockPassingAScheduledItem() throws {
        try rebuildsAfter({ _ in }, now: "2027-01-06T12:00:00Z")
    }

    @Test func draftsOption() throws {
        try rebuildsAfter({ _ in }, adjust: { $0.includeDrafts = true })
    }

    @Test func deletedOutputFile() throws {
        try rebuildsAfter { site in try site.remove("output/news/2023/09/item-12/index.html") }
    }

    @Test func editedOutputFile() throws {
        try rebuildsAfter { site in try site.writeData(Data("tampered".utf8), to: "output/index.html") }
    }

    /// A state file older than the files beside it (put back by hand, or from a backup) names
    /// the old inputs. Going back to those inputs must not reuse the newer files.
    @Test func staleStateIsNotTrusted() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let recordPath = site.output.appendingPathComponent(IncrementalState.fileName)
        let oldRecord = try Data(contentsOf: recordPath)
        let item = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
        let original = try String(contentsOf: item, encoding: .utf8)
        try original.replacingOccurrences(of: "Item 12 opens the story.", with: "Item 12 opens a changed story.").write(to: item, atomically: true, encoding: .utf8)
        #expect(site.build().succeeded)
        try oldRecord.write(to: recordPath)
        try original.write(to: item, atomically: true, encoding: .utf8)
        let back = site.build()
        #expect(back.succeeded)
        #expect(!back.reusedOutput)
        #expect(site.read("news/2023/09/item-12/index.html")?.contains("Item 12 opens the story.") == true)
    }

    @Test func removedItem() throws {
        try rebuildsAfter { site in try site.remove("site/content/news/2023-06-01-odd.md") }
    }
}
