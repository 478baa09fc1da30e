import Foundation
import Testing
@testable import Newsroom
#if canImport(Glibc)
import Glibc
#endif

/// A first build (no output folder yet) is made in a hidden folder beside the output and
/// renamed into place whole: the output is complete or absent, never partial, and what a killed
/// first build leaves is cleared by the next.
@Suite(.serialized) struct FirstBuildTests {
    /// What sits beside the output: nothing of ours once a build is over.
    static func leftovers(_ site: TestSite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? []).filter { $0.contains(FirstBuildSession.folderSuffix) }
    }

    @Test func appearsWholeAndMatchesABuildIntoAnExistingFolder() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.report.written == site.outputTree().count, "every file written once")
        #expect(Self.leftovers(site) == [])
        let staged = FileManager.default.enumerator(atPath: site.output.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(StagedSession.stagedSuffix) }
        #expect(staged == [])
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputLock.fileName).path))
        // The same site built into a folder that already exists goes the staged way.
        let other = site.root.appendingPathComponent("existing")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        #expect(site.build { $0.output = other }.succeeded)
        #expect(Fixtures.tree(at: other) == site.outputTree())
        // And a rebuild of the first build's output writes nothing.
        #expect(site.build().report.written == 0)
    }

    @Test func aFailedFirstBuildLeavesNoOutputAndNothingBeside() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-broken.md --
        ---
        title: Broken
        date: not a date
        ---
        Text.
        """)
        defer { site.delete() }
        #expect(!site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(Self.leftovers(site) == [])
    }

    /// A full disk part-way through a first build: a clear error, no output folder, and nothing
    /// left beside it.
    @Test func aFirstBuildOnAFullDiskLeavesNothing() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let parent = site.root.appendingPathComponent("small")
        let output = parent.appendingPathComponent("output")
        let result = site.build {
            $0.output = output
            $0.fileSystem = .full(after: 100_000)
        }
        #expect(result.outputError?.contains("No space left on device") == true, "\(String(describing: result.outputError))")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) == [])
    }

    /// The new folder cannot be renamed to the output at the end: a clear error, no output
    /// folder, and the new folder removed.
    @Test func aFirstBuildThatCannotBePutInPlaceLeavesNothing() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let result = site.build { $0.fileSystem = FileSystem.local.failingMoves(onto: "/output") }
        #expect(result.outputError?.hasPrefix("cannot put the new output in place at \(site.output.path): Input/output error") == true, "\(String(describing: result.outputError))")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(Self.leftovers(site) == [])
    }

    @Test func whatAKilledFirstBuildLeftIsCleared() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let dead = FirstBuildSession.workFolder(for: site.output, process: 999_999)
        try FileManager.default.createDirectory(at: dead.appendingPathComponent("news/2023"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: dead.appendingPathComponent("news/2023/index.html"))
        #expect(site.build().succeeded)
        #expect(Self.leftovers(site) == [])
        #expect(site.read("news/2023/index.html")?.contains("<html") == true)
    }

    /// Kills first builds at spread-out moments: there is never a partial output, and the next
    /// run makes the whole one.
    @Test func killedFirstBuildsLeaveNoPartialOutput() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let complete = site.root.appendingPathComponent("complete")
        #expect(site.build { $0.output = complete }.succeeded)
        let expected = Fixtures.tree(at: complete)
        let arguments = ["--site", site.site.path, "--themes", site.themes.path, "--output", site.output.path, "--now", "2026-11-29T12:00:00Z", "--quiet"]
        var kills = 0
        for attempt in 0..<10 {
            if try FaultTests.runAndKill(arguments, attempt: attempt, step: 10_000) { kills += 1 }
            if FileManager.default.fileExists(atPath: site.output.path) {
                #expect(site.outputTree() == expected, "a killed first build left a partial output")
                break
            }
        }
        #expect(kills > 0)
        #expect(try CommandRunner.run(arguments, in: site.root).status == 0)
        #expect(site.outputTree() == expected)
        #expect(Self.leftovers(site) == [])
    }

    /// A first build waits for another one (the lock on the output's parent); when that one
    /// has made the output meanwhile, it builds into it the usual way.
    @Test func aSecondFirstBuildWaitsThenUsesTheOutputMade() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        #expect(site.build { $0.output = elsewhere }.succeeded)
        let output = site.output
        let result = try FaultTests.buildAddingAnItem(site, whileLocking: site.root.path) {
            rename(elsewhere.path, output.path)
        }
        #expect(result.succeeded, "\(String(describing: result.outputError))")
        #expect(result.report.unchanged > 0, "built into the output the other run made")
        #expect(Self.leftovers(site) == [])
    }
}
