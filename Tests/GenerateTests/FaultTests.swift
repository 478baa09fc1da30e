import Foundation
import Testing
@testable import Newsroom
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// Issue 6.5: kills, read-only folders, full disks and concurrent runs lose nothing.
@Suite(.serialized) struct FaultTests {
    /// Kills `generate` at spread-out moments while it writes a changed site: every file is
    /// always the old or the new version, and the next run completes and cleans up.
    @Test func killedRunsLeaveOldOrNewFiles() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let arguments = ["--site", site.site.path, "--themes", site.themes.path, "--output", site.output.path, "--now", "2026-11-29T12:00:00Z", "--quiet"]
        #expect(try CommandRunner.run(arguments, in: site.root).status == 0)
        let old = site.outputTree()
        try site.write("""
        -- site/site.yml --
        title: Fixture Newsroom, renamed
        description: Thirty items over three years.
        base_url: https://news.example.org/
        timezone: Europe/Bucharest
        theme: minimal
        per_page: 5
        """)
        let clean = ScratchOutput.make("new")
        defer { ScratchOutput.remove(clean) }
        #expect(site.build { $0.output = clean }.succeeded)
        let new = Fixtures.tree(at: clean)
        var kills = 0
        for attempt in 0..<12 {
            let killed = try Self.runAndKill(arguments, attempt: attempt, step: 8_000)
            if killed { kills += 1 }
            for (path, data) in site.outputTree() where !path.hasSuffix(StagedSession.stagedSuffix) {
                #expect(data == old[path] || data == new[path], "\(path) is neither the old nor the new version")
            }
            if !killed { break }
        }
        #expect(kills > 0)
        #expect(try CommandRunner.run(arguments, in: site.root).status == 0)
        #expect(site.outputTree() == new)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(StagedSession.markerName).path))
    }

    @Test func staleLockFromAKilledRunDoesNotBlock() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        try "12345".write(to: site.output.appendingPathComponent(OutputLock.fileName), atomically: true, encoding: .utf8)
        #expect(site.build().succeeded)
    }

    @Test func secondRunWaitsForTheFirst() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let result = try Self.buildAddingAnItem(site, whileLocking: site.output.appendingPathComponent(OutputLock.fileName).path)
        #expect(result.succeeded)
    }

    /// Holds `flock` on `path` (a lock file or a folder), adds an item and builds: the build must
    /// wait until the lock is let go 0.6 s later (after `beforeRelease`), then make the item's page.
    static func buildAddingAnItem(_ site: TestSite, whileLocking path: String, beforeRelease: @escaping @Sendable () -> Void = {}) throws -> BuildResult {
        let descriptor = open(path, O_RDONLY)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.6) {
            beforeRelease()
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        try site.write("""
        -- site/content/news/2023-06-01-new.md --
        ---
        title: New
        date: 2023-06-01
        ---
        Text.
        """)
        let result = site.build()
        #expect(Date().timeIntervalSince(started) >= 0.5)
        #expect(site.exists("news/2023/06/new/index.html"))
        return result
    }

    /// Starts `generate` with `arguments` and kills it after about `attempt` steps of `step`
    /// microseconds (a random part of one more); true when it was killed, false when it had ended.
    static func runAndKill(_ arguments: [String], attempt: Int, step: Int) throws -> Bool {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var random = SeededRandom(seed: UInt64(attempt))
        usleep(UInt32(attempt * step + Int.random(in: 0..<step, using: &random)))
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed && process.terminationReason != .exit
    }

    @Test func lockHeldTooLongFailsCleanly() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        let descriptor = open(site.output.appendingPathComponent(OutputLock.fileName).path, O_RDWR)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX) == 0)
        var writer = OutputWriter(folder: site.output, protectedFolders: [])
        writer.lockTimeout = 0.3
        #expect(throws: OutputError.self) { _ = try writer.begin() }
        #expect(site.outputTree() == before)
    }

    /// A disk that fills up part-way through the build: a clear error, and nothing written.
    @Test func fullDiskIsAClearErrorAndKeepsTheOutput() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let first = site.build { $0.fileSystem = .full(after: 100_000) }
        #expect(first.outputError?.contains("No space left on device") == true, "\(String(describing: first.outputError))")
        #expect(first.outputError?.contains("the previous output is kept") == true)
        #expect(site.outputTree().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(StagedSession.markerName).path))
    }

    @Test func readOnlyOutputIsAClearError() throws {
        let (site, before) = try Self.builtSiteWithANewItem()
        defer { site.delete() }
        let result = site.build { $0.fileSystem = .readOnly }
        #expect(result.outputError?.contains("Read-only file system") == true, "\(String(describing: result.outputError))")
        #expect(site.outputTree() == before)
    }

    /// The valid site built once, its output as that build left it, then one new item written:
    /// the next build has something to write.
    static func builtSiteWithANewItem() throws -> (TestSite, [String: Data]) {
        let site = try TestSite(Sites.valid)
        #expect(site.build().succeeded)
        let before = site.outputTree()
        try site.write("""
        -- site/content/news/2023-06-01-new.md --
        ---
        title: New
        date: 2023-06-01
        ---
        Text.
        """)
        return (site, before)
    }

    /// Loading reads through the same injected file system: an item, a page or a template that
    /// cannot be read is an error at that file, and the output stays as it was.
    @Test(arguments: [
        ("2023-06-01-new.md", "site/content/news/2023-06-01-new.md:1:1: error: cannot read this file"),
        // Reused from the last build's records, its body is read only to render its page.
        ("2023-03-21-first.md", "site/content/news/2023-03-21-first.md:1:1: error: the file disappeared during the build; build again"),
        ("pages/about.md", "site/content/pages/about.md:1:1: error: cannot read this file"),
        ("layouts/item.mustache", "themes/minimal/layouts/item.mustache:1:1: error: cannot read this file"),
    ])
    func anUnreadableSourceIsAnErrorAtThatFile(_ suffix: String, _ expected: String) throws {
        let (site, before) = try Self.builtSiteWithANewItem()
        defer { site.delete() }
        let result = site.build { $0.fileSystem = FileSystem.local.failingReads(of: suffix) }
        #expect(!result.succeeded)
        #expect(result.otherDiagnostics.map(\.description).contains(expected), "\(result.otherDiagnostics)")
        #expect(site.outputTree() == before)
    }
}
