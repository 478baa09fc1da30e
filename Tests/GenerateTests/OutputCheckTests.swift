import Foundation
import Testing
@testable import Newsroom

/// The previous build's files are checked while the site is planned (`OutputCheck`): what the
/// check finds, and rebuilds after a change to the site that also find output files touched by
/// hand.
@Suite struct OutputCheckTests {
    @Test func findsTheFilesNoLongerAsTheBuildLeftThem() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let state = IncrementalState.read(in: site.output)
        #expect(state.manifest.entries["news/2023/09/item-12/index.html"] != nil)
        try "tampered".write(to: site.output.appendingPathComponent("news/2023/09/item-12/index.html"), atomically: false, encoding: .utf8)
        try site.remove("output/news/tags/index.html")
        // A folder where a file was.
        try site.remove("output/news/atom.xml")
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("news/atom.xml"), withIntermediateDirectories: false)
        let check = try #require(OutputCheck(state: state, folder: site.output, fileSystem: .local))
        #expect(check.changedFiles() == ["news/2023/09/item-12/index.html", "news/tags/index.html", "news/atom.xml"])
    }

    @Test func noCheckWithoutAnEarlierBuild() {
        #expect(OutputCheck(state: IncrementalState(), folder: URL(fileURLWithPath: "/nonexistent"), fileSystem: .local) == nil)
    }

    @Test func filesTouchedByHandAreRepairedWhenAnItemChanges() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let item = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
        let text = try String(contentsOf: item, encoding: .utf8).replacingOccurrences(of: "Item 12 opens the story.", with: "Item 12 opens a changed story.")
        try text.write(to: item, atomically: true, encoding: .utf8)
        // Pages the edit does not touch: kept unless the check notices them.
        try "tampered".write(to: site.output.appendingPathComponent("news/2023/08/item-11/index.html"), atomically: false, encoding: .utf8)
        try site.remove("output/news/tags/index.html")
        let incremental = site.build()
        #expect(incremental.succeeded, "\(incremental.diagnostics)")
        let clean = ScratchOutput.make("clean")
        defer { ScratchOutput.remove(clean) }
        #expect(site.build { $0.output = clean }.succeeded)
        let expected = Fixtures.tree(at: clean), actual = site.outputTree()
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from a clean build")
        }
    }
}
