import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// Issue 20: `serve` keeps the site in memory between rebuilds and reads again only what
/// changed; after any series of edits its output must be the bytes a clean build makes.
@Suite struct LiveSiteTests {
    /// The site's output after a clean `generate` into a fresh folder.
    static func cleanBuild(of site: TestSite, now: String = "2026-11-29T12:00:00Z") -> (BuildResult, [String: Data]) {
        var options = site.options(now: now)
        let folder = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        options.output = folder
        options.imageCache = site.root.appendingPathComponent("clean-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Generator.build(options)
        return (result, Fixtures.tree(at: folder))
    }

    static func liveSite(_ site: TestSite) -> LiveSite {
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        return LiveSite(options: options)
    }

    /// One change to the site: files written (or removed, for a nil text), as `-- path --` does.
    struct Step: CustomStringConvertible {
        var description: String
        var write: [String: String?] = [:]
        var moves: [(from: String, to: String)] = []
    }

    /// The paths the step changes, absolute, as `ChangeWatcher` reports them.
    static func reported(_ step: Step, in site: TestSite) -> Set<String> {
        Set((step.write.keys + step.moves.flatMap { [$0.from, $0.to] }).map { site.root.appendingPathComponent($0).standardizedFileURL.path })
    }

    static func apply(_ step: Step, to site: TestSite) throws {
        for (from, to) in step.moves {
            let target = site.root.appendingPathComponent(to)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(from), to: target)
        }
        for (path, text) in step.write.sorted(by: { $0.key < $1.key }) {
            if let text {
                try site.write("-- \(path) --\n" + text)
            } else {
                try site.remove(path)
            }
        }
    }

    static let steps: [Step] = [
        Step(description: "an item's body", write: ["site/content/news/2023-03-21-first.md": """
        ---
        id: tag:example.org,2023-03-21:first
        title: First item
        date: 2023-03-21
        tags: [policy, Romania]
        ---
        An edited first paragraph, with [about](/about/).

        ## Details

        Edited detail.
        """]),
        Step(description: "a new item with a new tag", write: ["site/content/news/2023-05-10-third.md": """
        ---
        title: Third item
        date: 2023-05-10
        tags: [courts]
        ---
        The third. See [the first](2023-03-21-first.md).
        """]),
        Step(description: "an item's title and tags", write: ["site/content/news/2023-05-10-third.md": """
        ---
        title: Third item, retitled
        date: 2023-05-10
        tags: [policy]
        ---
        The third, retagged.
        """]),
        Step(description: "an item renamed", moves: [("site/content/news/2023-05-10-third.md", "site/content/news/2023-05-11-third-moved.md")]),
        Step(description: "a page", write: ["site/content/pages/about.md": """
        ---
        title: About us, edited
        menu: 1
        ---
        Edited. Logo: ![logo](/images/logo.svg)
        """]),
        Step(description: "a bundle image replaced", write: ["site/content/news/2023-04-02-second/photo.svg": """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><circle cx="10" cy="10" r="9"/></svg>
        """]),
        Step(description: "a bundle image added", write: ["site/content/news/2023-04-02-second/extra.svg": """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="2"/></svg>
        """]),
        Step(description: "a bundle image removed", write: ["site/content/news/2023-04-02-second/extra.svg": nil]),
        Step(description: "the theme's card partial", write: ["themes/minimal/partials/card.mustache": """
        <li class="edited"><a href="{{url}}">{{title}}</a> <time datetime="{{date.iso}}">{{date.long}}</time></li>
        """]),
        Step(description: "site.yml", write: ["site/site.yml": """
        title: Test News, renamed
        description: A test site.
        base_url: https://example.org/newsroom/
        timezone: Europe/Bucharest
        theme: minimal
        per_page: 1
        menu:
          - label: News
            url: /news/
          - label: About
            url: /about/
        """]),
        Step(description: "a static file", write: ["site/static/images/logo.svg": """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="9" height="9"/></svg>
        """]),
        Step(description: "an item edited, one added and one removed, reported together", write: [
            "site/content/news/2023-03-21-first.md": """
            ---
            id: tag:example.org,2023-03-21:first
            title: First item, together
            date: 2023-03-21
            tags: [policy, courts]
            ---
            Edited with others.

            ## Details
            """,
            "site/content/news/2023-06-01-fourth.md": """
            ---
            title: Fourth item
            date: 2023-06-01
            tags: [policy]
            ---
            The fourth. See [the first's details](2023-03-21-first.md#details).
            """,
            "site/content/news/2023-05-11-third-moved.md": nil,
        ]),
        Step(description: "an item with a warning", write: [
            "site/content/news/2023-06-01-fourth.md": "---\ntitle: Fourth\ndate: 2023-06-01\nunknown_key: 1\n---\nWarned.\n",
        ]),
        Step(description: "an item deleted", write: ["site/content/news/2023-06-01-fourth.md": nil]),
        Step(description: "a whole bundle deleted", write: ["site/content/news/2023-04-02-second": nil, "site/content/news/2023-03-21-first.md": """
        ---
        title: First item
        date: 2023-03-21
        ---
        Alone now.
        """]),
    ]

    @Test func rebuildsEqualACleanBuildAfterEveryChange() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let live = Self.liveSite(site)
        let first = live.rebuild()
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(site.outputTree() == Self.cleanBuild(of: site).1)
        for step in Self.steps {
            try Self.apply(step, to: site)
            let result = live.rebuild(changed: Self.reported(step, in: site))
            let (clean, expected) = Self.cleanBuild(of: site)
            #expect(result.succeeded, "\(step): \(result.diagnostics)")
            #expect(clean.succeeded, "\(step): \(clean.diagnostics)")
            #expect(!expected.isEmpty)
            Fixtures.expectSameFiles(site.outputTree(), as: expected, "\(step)")
        }
    }

    /// A broken edit keeps the last good output; fixing it rebuilds what the fix needs.
    @Test func anErrorKeepsTheOutputAndTheFixRecovers() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let live = Self.liveSite(site)
        #expect(live.rebuild().succeeded)
        let good = site.outputTree()
        let path = "site/content/news/2023-03-21-first.md"
        try Self.apply(Step(description: "broken", write: [path: "---\ntitle: First\ndate: not a date\n---\nBody.\n\n## Details\n"]), to: site)
        let failed = live.rebuild()
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.contains { $0.description.hasPrefix("site/content/news/2023-03-21-first.md:3:7: error:") })
        #expect(site.outputTree() == good)
        try Self.apply(Step(description: "fixed", write: [path: "---\ntitle: First, fixed\ndate: 2023-03-21\n---\nBody.\n\n## Details\n"]), to: site)
        #expect(live.rebuild().succeeded)
        #expect(site.outputTree() == Self.cleanBuild(of: site).1)
    }

    /// Whatever serve left in the output folder, the next plain `generate` of the same site
    /// writes nothing more and leaves what a clean build makes.
    @Test func aPlainBuildAfterServeIsCorrect() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let live = Self.liveSite(site)
        #expect(live.rebuild().succeeded)
        for step in Self.steps.prefix(5) {
            try Self.apply(step, to: site)
            #expect(live.rebuild().succeeded)
        }
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        let plain = Generator.build(options)
        #expect(plain.succeeded)
        #expect(plain.report.written == 0, "\(plain.report)")
        #expect(site.outputTree() == Self.cleanBuild(of: site).1)
        // And an edit after serve stopped is picked up by the plain build.
        try site.write("-- site/content/news/2023-03-21-first.md --\n---\ntitle: First, after serve\ndate: 2023-03-21\n---\nLater.\n\n## Details\n")
        #expect(Generator.build(options).succeeded)
        #expect(site.outputTree() == Self.cleanBuild(of: site).1)
    }

    /// The steps as `serve` sees them: each rebuild is given what the kernel reported.
    @Test func rebuildsFromTheWatchersReportsEqualACleanBuild() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let watcher = try #require(ChangeWatcher(folders: [site.site, site.themes]))
        let live = Self.liveSite(site)
        #expect(live.rebuild().succeeded)
        for step in Self.steps {
            try Self.apply(step, to: site)
            let changed = try #require(watcher.next())
            let result = live.rebuild(changed: changed)
            #expect(result.succeeded, "\(step): \(result.diagnostics)")
            #expect(site.outputTree() == Self.cleanBuild(of: site).1, "\(step)")
        }
    }

    /// The folders a build listed and the files it read.
    final class Seen: Sendable {
        let paths = Mutex<(listed: [String], read: [String])>(([], []))
        func withLock<T>(_ body: (inout (listed: [String], read: [String])) -> T) -> T { paths.withLock { body(&$0) } }
    }

    /// A site whose file system notes every folder listed and every file read.
    static func countedSite(_ site: TestSite) -> (LiveSite, Seen) {
        let seen = Seen()
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        let local = options.fileSystem
        options.fileSystem.list = { path in
            seen.withLock { $0.listed.append(path) }
            return local.list(path)
        }
        options.fileSystem.read = { path, folder in
            seen.withLock { $0.read.append(path) }
            return local.read(path, folder)
        }
        return (LiveSite(options: options), seen)
    }

    /// An item edit reported alone reads that file and lists no folder; any other change, and
    /// a report that names a folder (as an overflowed watcher does), reads the whole site.
    @Test func anItemEditReadsOnlyThatFile() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let (live, seen) = Self.countedSite(site)
        #expect(live.rebuild().succeeded)
        let news = site.site.appendingPathComponent("content/news").standardizedFileURL.path

        seen.withLock { $0 = ([], []) }
        let edit = Self.steps[0]
        try Self.apply(edit, to: site)
        #expect(live.rebuild(changed: Self.reported(edit, in: site)).succeeded)
        let afterEdit = seen.withLock { $0 }
        #expect(!afterEdit.listed.contains { $0.hasPrefix(site.site.path) }, "\(afterEdit.listed)")
        #expect(afterEdit.read.contains { $0.hasSuffix("2023-03-21-first.md") })
        #expect(!afterEdit.read.contains { $0.hasSuffix("site.yml") })
        #expect(site.outputTree() == Self.cleanBuild(of: site).1)

        // Two items edited, reported as an overflowed watcher does: the folders it watched.
        seen.withLock { $0 = ([], []) }
        try site.write("-- site/content/news/2023-03-21-first.md --\n---\ntitle: First, unreported\ndate: 2023-03-21\n---\nBody.\n\n## Details\n")
        try site.write("-- site/content/news/2023-04-02-second/index.md --\n---\ntitle: Second, unreported\ndate: 2023-04-02\n---\nBody.\n")
        #expect(live.rebuild(changed: [site.site.standardizedFileURL.path, news]).succeeded)
        #expect(seen.withLock { $0.listed.contains(news) })
        #expect(site.outputTree() == Self.cleanBuild(of: site).1)
    }

    /// A report that names something other than an item file directly in the news folder (a
    /// swap file aside) reads the whole site again.
    @Test func onlyItemFilesAreReloadedAlone() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        var log = DiagnosticLog()
        let options = site.options()
        let loaded = try #require(SiteLoader.read(site: options.site, themes: options.themes, baseURLOverride: nil, cleanURLs: nil, log: &log))
        let root = site.site.standardizedFileURL.path
        #expect(loaded.changedItems(among: [root + "/content/news/2023-03-21-first.md"]) == ["content/news/2023-03-21-first.md"])
        #expect(loaded.changedItems(among: [root + "/content/news/2023-07-01-new.markdown"]) == ["content/news/2023-07-01-new.markdown"])
        #expect(loaded.changedItems(among: [root + "/content/news/.2023-03-21-first.md.swp"]) == [])
        // A file made and removed again before the rebuild (vim's write test) changes nothing.
        #expect(loaded.changedItems(among: [root + "/content/news/4913", root + "/content/news/2023-03-21-first.md"]) == ["content/news/2023-03-21-first.md"])
        try site.write("-- site/content/news/notes.txt --\nNot an item.\n")
        for other in [
            "/site.yml", "/content/pages/about.md", "/static/images/logo.svg", "/content/news",
            "/content/news/2023-04-02-second/index.md", "/content/news/2023-04-02-second", "/content/news/notes.txt",
        ] {
            #expect(loaded.changedItems(among: [root + "/content/news/2023-03-21-first.md", root + other]) == nil, "\(other)")
        }
        #expect(loaded.changedItems(among: [site.themes.standardizedFileURL.path + "/minimal/partials/card.mustache"]) == nil)
        // A second source for a name that has one is an error about both files.
        try site.write("-- site/content/news/2023-03-21-first.markdown --\n---\ntitle: Twin\ndate: 2023-03-21\n---\nTwin.\n")
        #expect(loaded.changedItems(among: [root + "/content/news/2023-03-21-first.markdown"]) == nil)
    }
}
