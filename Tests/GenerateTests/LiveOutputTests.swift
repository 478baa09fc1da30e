import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// `serve`'s handling of its output folder: the state is saved after the pages are told to
/// reload, and the kept files are looked at on disk only when a watch on the folder reported
/// them changed, so hand edits are still undone.
@Suite struct LiveOutputTests {
    /// The site's output files (not the state) looked at on disk, by path relative to the output.
    final class Looked: Sendable {
        let paths = Mutex<[String]>([])
        func take() -> [String] {
            paths.withLock { paths in
                defer { paths = [] }
                return paths
            }
        }
    }

    static func watchedSite(_ site: TestSite) -> (LiveSite, Looked) {
        let looked = Looked()
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        let local = options.fileSystem
        options.fileSystem.status = { path, folder, following in
            if path.hasSuffix(".html") { looked.paths.withLock { $0.append(path) } }
            return local.status(path, folder, following)
        }
        return (LiveSite(options: options), looked)
    }

    static let item = "site/content/news/2023-03-21-first.md"

    /// Edits the first item's body past its first paragraph.
    static func edit(_ site: TestSite, _ words: String) throws {
        try site.write("-- \(item) --\n---\nid: tag:example.org,2023-03-21:first\ntitle: First item\ndate: 2023-03-21\ntags: [policy, Romania]\nlocation: Bucharest, Romania\n---\nThe first paragraph. See [the second](2023-04-02-second/index.md) and [about](/about/).\n\n\(words)\n\n## Details\n")
    }

    static func reported(_ site: TestSite) -> Set<String> {
        [site.root.appendingPathComponent(item).standardizedFileURL.path]
    }

    @Test func theOutputIsInPlaceAndLockedBeforeTheStateIsSaved() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let (live, _) = Self.watchedSite(site)
        #expect(live.rebuild().succeeded)
        let stateFile = site.output.appendingPathComponent(IncrementalState.fileName).path
        let before = try #require(FileStatus.of(stateFile))
        try Self.edit(site, "Edited before the state is saved.")
        var sawCommit = false
        let result = live.rebuild(changed: Self.reported(site)) { result in
            sawCommit = true
            #expect(result.succeeded)
            #expect(site.read("news/2023/03/first/index.html")?.contains("Edited before the state is saved.") == true)
            #expect(FileStatus.of(stateFile) == before)
            #expect(throws: OutputError.self) { try OutputLock.take(in: site.output, fileSystem: .local, timeout: 0) }
            // The page's old version is removed with the state, after the reload.
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("news/2023/03/first/.index.html.newsroom-tmp").path))
        }
        #expect(sawCommit)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(result.stageTimes.last?.stage == "state")
        #expect(FileStatus.of(stateFile) != before)
        _ = try OutputLock.take(in: site.output, fileSystem: .local, timeout: 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("news/2023/03/first/.index.html.newsroom-tmp").path))
        // The state saved is the one a plain build starts from: it has nothing to write.
        #expect(site.build().report.written == 0)
    }

    @Test func keptFilesAreLookedAtOnlyWhenTheWatchReportsThem() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let (live, looked) = Self.watchedSite(site)
        #expect(live.rebuild().succeeded)
        // The watch begins after the first build, whose files are then looked at once.
        let pages = Set(site.outputTree().keys.filter { $0.hasSuffix(".html") })
        #expect(Set(looked.take()).isSuperset(of: pages))
        for words in ["Second.", "Third."] {
            try Self.edit(site, words)
            #expect(live.rebuild(changed: Self.reported(site)).succeeded)
            // Only the item's page and the second's, which links to its `#details`: both are
            // written again, after the last build wrote them.
            #expect(Set(looked.take()) == ["news/2023/03/first/index.html", "news/2023/04/second/index.html"], "\(words)")
            #expect(site.outputTree() == LiveSiteTests.cleanBuild(of: site).1)
        }
    }

    @Test func handEditsToTheOutputAreUndoneWhileServing() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let (live, _) = Self.watchedSite(site)
        #expect(live.rebuild().succeeded)
        #expect(live.rebuild(changed: []).succeeded)
        let output = site.output.path
        let pages = site.outputTree().keys.filter { $0.hasSuffix("index.html") }.sorted()
        #expect(pages.count >= 4)
        var moves = 0
        let hand: [(String, (String) throws -> Void)] = [
            ("a page edited", { try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: output + "/" + $0)) }),
            ("a page removed", { try FileManager.default.removeItem(atPath: output + "/" + $0) }),
            ("a page's folder removed", { try FileManager.default.removeItem(atPath: output + "/" + ($0 as NSString).deletingLastPathComponent) }),
            ("a page's folder moved", {
                moves += 1
                try FileManager.default.moveItem(atPath: output + "/" + ($0 as NSString).deletingLastPathComponent, toPath: output + "/moved-by-hand-\(moves)")
            }),
        ]
        // What the author moved is not a file of the build: it stays where they put it.
        func served() -> [String: Data] { site.outputTree().filter { !$0.key.hasPrefix("moved-by-hand") } }
        for (number, (description, change)) in hand.enumerated() {
            try change(pages[number])
            #expect(live.rebuild(changed: []).succeeded, "\(description)")
            #expect(served() == LiveSiteTests.cleanBuild(of: site).1, "\(description)")
            // And with an item edit in the same rebuild.
            try change(pages[number])
            try Self.edit(site, "After \(description).")
            #expect(live.rebuild(changed: Self.reported(site)).succeeded, "\(description)")
            #expect(served() == LiveSiteTests.cleanBuild(of: site).1, "\(description) with an edit")
        }
    }
}
