import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// Each Markdown body is parsed once per build, kept in the `BodyStore` within its budget, and
/// read again (or reported gone) past it.
struct BodyStoreTests {
    /// Counts parses by the Markdown text parsed.
    final class ParseCount: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func record(_ text: String) { counts.withLock { $0[text, default: 0] += 1 } }
        func count(_ text: String) -> Int { counts.withLock { $0[text] ?? 0 } }
        var all: [String: Int] { counts.withLock { $0 } }
    }

    /// The body of every item and page of the site, as parsed.
    static func bodies(of site: TestSite) throws -> [String] {
        let folder = SourceFolder(url: site.site, displayName: "site")
        var paths = try FileManager.default.contentsOfDirectory(atPath: site.site.appendingPathComponent("content/news").path).map { "content/news/" + $0 }
        paths += ((try? FileManager.default.contentsOfDirectory(atPath: site.site.appendingPathComponent("content/pages").path)) ?? []).map { "content/pages/" + $0 }
        return try paths.map { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path(path), isDirectory: &isFolder)
            let file = isFolder.boolValue ? path + "/index.md" : path
            let text = try String(contentsOfFile: folder.path(file), encoding: .utf8)
            guard case .success(let split) = FrontMatter.split(text, path: file) else { throw CocoaError(.fileReadCorruptFile) }
            return split.body
        }
    }

    @Test func aCleanBuildParsesEachBodyOnce() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let parses = ParseCount()
        let result = site.build { $0.bodies.onParse = parses.record }
        #expect(result.succeeded)
        let bodies = try Self.bodies(of: site)
        #expect(bodies.count >= 30)
        for body in bodies {
            #expect(parses.count(body) == 1, "\(body.prefix(60))")
        }
    }

    /// Item files are opened inside the site folder held open, by their site-relative path:
    /// the kernel does not walk the site's own path again for each.
    @Test func itemFilesAreReadInsideTheOpenSiteFolder() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let reads = ReadPaths()
        #expect(site.build { $0.fileSystem = FileSystem.local.recordingReads(into: reads) }.succeeded)
        let items = reads.all.filter { $0.contains("content/news/") && $0.hasSuffix(".md") }
        #expect(items.count >= 30)
        #expect(items.allSatisfy { $0.hasPrefix("content/news/") }, "\(items.prefix(3))")
    }

    @Test func aRebuildParsesOnlyWhatItRendersAgain() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let unchanged = ParseCount()
        #expect(site.build { $0.bodies.onParse = unchanged.record }.succeeded)
        #expect(unchanged.all.isEmpty, "\(unchanged.all.values)")

        let path = "site/content/news/" + (try FileManager.default.contentsOfDirectory(atPath: site.site.appendingPathComponent("content/news").path).sorted().first { $0.hasSuffix(".md") }!)
        let url = site.root.appendingPathComponent(path)
        try (String(contentsOf: url, encoding: .utf8) + "\nA new closing line.\n").write(to: url, atomically: true, encoding: .utf8)
        let edited = ParseCount()
        #expect(site.build { $0.bodies.onParse = edited.record }.succeeded)
        #expect(!edited.all.isEmpty)
        #expect(edited.all.values.allSatisfy { $0 == 1 }, "\(edited.all.values)")
    }

    /// Past the budget, bodies are parsed again when their page renders; the site is the same.
    @Test(arguments: [0, 1_500])
    func bodiesPastTheBudgetGiveTheSameSite(budget: Int) throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        let other = site.root.appendingPathComponent("other")
        #expect(site.build {
            $0.output = other
            $0.bodies.bytesInMemory = budget
        }.succeeded)
        #expect(Fixtures.tree(at: other) == before)

        var log = DiagnosticLog()
        let source = try #require(SiteLoader.load(
            site: SourceFolder(url: site.site, displayName: "site"), themes: SourceFolder(url: site.themes, displayName: "themes"),
            baseURLOverride: nil, cleanURLs: nil, bodies: .init(bytesInMemory: budget), log: &log
        ))
        let kept = source.items.filter { source.bodies.keeps($0.sourcePath) }.count
        // None kept with no budget; with some, a part (the fixture's bodies are 100–200 bytes).
        #expect(budget == 0 ? kept == 0 : (1..<source.items.count).contains(kept), "\(kept) of \(source.items.count)")
    }

    /// Past the budget, the search index takes each body's terms from its page's render: the
    /// build parses each body as often as the same build without an index, and writes the same
    /// search files as a build that keeps every body.
    @Test func theIndexParsesNoBodyPastTheBudgetAgain() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let split: (inout GenerateOptions) -> Void = { $0.searchSplitAbove = 5 }
        #expect(site.build(split).succeeded)
        let everyBodyKept = site.outputTree()
        #expect(everyBodyKept.keys.filter { $0.hasPrefix("search/") }.count > 2)

        func build(into name: String) -> ParseCount {
            let parses = ParseCount()
            #expect(site.build {
                split(&$0)
                $0.output = site.root.appendingPathComponent(name)
                $0.bodies = .init(bytesInMemory: 0, onParse: parses.record)
            }.succeeded)
            return parses
        }
        let indexed = build(into: "indexed")
        #expect(Fixtures.tree(at: site.root.appendingPathComponent("indexed")) == everyBodyKept)
        let config = site.site.appendingPathComponent("site.yml")
        try (try String(contentsOf: config, encoding: .utf8) + "search: external\n").write(to: config, atomically: true, encoding: .utf8)
        let unindexed = build(into: "unindexed")
        #expect(!indexed.all.isEmpty)
        #expect(indexed.all == unindexed.all)
    }

    /// Past the budget, loading leaves a body unparsed when it needs nothing from it (the
    /// summary is given): the page parses it once. The site is the same.
    @Test func loadingParsesNoBodyPastTheBudgetWhoseSummaryIsGiven() throws {
        let given = "The body of the item with a summary.\n"
        let lead = "The body of the item without one.\n"
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-03-25-given.md --
        ---
        title: Given
        summary: Said in the front matter.
        ---
        \(given)
        -- site/content/news/2023-03-26-lead.md --
        ---
        title: Lead
        ---
        \(lead)
        """)
        defer { site.delete() }
        let parses = ParseCount()
        var log = DiagnosticLog()
        let source = try #require(SiteLoader.load(
            site: SourceFolder(url: site.site, displayName: "site"), themes: SourceFolder(url: site.themes, displayName: "themes"),
            baseURLOverride: nil, cleanURLs: nil, bodies: .init(bytesInMemory: 0, onParse: parses.record), log: &log
        ))
        #expect(parses.count(given) == 0)
        #expect(parses.count(lead) == 1)
        #expect(source.items.first { $0.title == "Lead" }?.leadParagraph == "The body of the item without one.")

        #expect(site.build().succeeded)
        let other = site.root.appendingPathComponent("other")
        #expect(site.build {
            $0.output = other
            $0.bodies.bytesInMemory = 0
        }.succeeded)
        #expect(Fixtures.tree(at: other) == site.outputTree())
    }

    /// A body read again after loading and found gone or changed is an error at its file, once
    /// in what the build reports (to every caller that asks: the log drops the repeats), never
    /// an empty page.
    @Test func aFileGoneOrChangedSinceLoadingIsAnError() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        var log = DiagnosticLog()
        let source = try #require(SiteLoader.load(
            site: SourceFolder(url: site.site, displayName: "site"), themes: SourceFolder(url: site.themes, displayName: "themes"),
            baseURLOverride: nil, cleanURLs: nil, bodies: .init(bytesInMemory: 0), log: &log
        ))
        let gone = source.items[0], changed = source.items[1], same = source.items[2]
        try FileManager.default.removeItem(at: site.site.appendingPathComponent(gone.sourcePath))
        let changedURL = site.site.appendingPathComponent(changed.sourcePath)
        try (String(contentsOf: changedURL, encoding: .utf8) + "\nMore.\n").write(to: changedURL, atomically: true, encoding: .utf8)

        var render = DiagnosticLog()
        #expect(source.bodies.parsed(gone.sourcePath, contentHash: gone.contentHash, log: &render) == nil)
        #expect(source.bodies.parsed(gone.sourcePath, contentHash: gone.contentHash, log: &render) == nil)
        #expect(source.bodies.parsed(changed.sourcePath, contentHash: changed.contentHash, log: &render) == nil)
        #expect(source.bodies.parsed(same.sourcePath, contentHash: same.contentHash, log: &render) != nil)
        #expect(render.sorted.map(\.description) == [
            "site/\(gone.sourcePath):1:1: error: the file disappeared during the build; build again",
            "site/\(changed.sourcePath):1:1: error: the file changed during the build; build again",
        ])
    }

    @Test func aBudgetKeepsWhatFitsAndNoMore() {
        let budget = ByteBudget(10)
        #expect(budget.take(4))
        #expect(!budget.take(7))
        #expect(budget.take(6))
        #expect(!budget.take(1))
        #expect(budget.take(0))
    }
}

/// A body that cannot be read again fails every page that needs it, whichever part of the build
/// asked for it first: a fragment check that ignores problems must not swallow the error.
struct BodyStoreFailureTests {
    @Test func aVanishedBodyIsReportedToEveryCallerEvenAfterAFragmentCheck() throws {
        let site = try TestSite("""
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First
        ---
        ## Details
        """)
        defer { site.delete() }
        let folder = SourceFolder(url: site.site, displayName: "site")
        let store = BodyStore(folder: folder, fileSystem: FileSystem.local.failingReads(of: "first.md"), allowsRawHTML: false)
        // Never added: as for an item reused from the previous build's records.
        #expect(store.anchors("content/news/2023-03-21-first.md", contentHash: 1) == nil)
        var log = DiagnosticLog()
        #expect(store.parsed("content/news/2023-03-21-first.md", contentHash: 1, log: &log) == nil)
        #expect(log.sorted.map(\.description) == ["site/content/news/2023-03-21-first.md:1:1: error: the file disappeared during the build; build again"])
        var again = DiagnosticLog()
        #expect(store.parsed("content/news/2023-03-21-first.md", contentHash: 1, log: &again) == nil)
        #expect(again.hasErrors)
    }
}
