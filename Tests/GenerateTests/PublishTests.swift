import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// `generate publish DEST` end to end, through the real rsync and rclone: only changed files,
/// pages before feeds before deletions (read from the tools' own itemised output), the deletion
/// cap, the locks, a failing step, WebSub pings and the quiet cron pair.
@Suite struct PublishTests {
    /// A third item with a tag of its own, so removing it deletes pages and a feed.
    static let site = Sites.valid + """

    -- site/content/news/2023-05-01-third.md --
    ---
    title: Third item
    date: 2023-05-01
    tags: [extra]
    ---
    A third item.
    """

    /// What the tool printed for one file: uploaded or deleted, and its path.
    struct ToolLine: Equatable {
        var deleted: Bool
        var path: String
    }

    struct Run {
        var result: PublishResult
        var lines: [ToolLine]
    }

    /// Destinations through each tool: a folder through rsync, and the same through rclone's
    /// `local` backend, named by environment variables as an operator's config would name it.
    static func destination(_ transport: String, in site: TestSite) -> String {
        let folder = site.root.appendingPathComponent("dest").path
        return transport == "rsync" ? folder : "rclone:pubtest:\(folder)"
    }

    static func publish(_ site: TestSite, to destination: String, _ adjust: (inout PublishOptions) -> Void = { _ in }) throws -> Run {
        var options = PublishOptions(
            output: site.output, site: SourceFolder(url: site.site, displayName: "site"),
            destination: try PublishDestination(destination, workingFolder: site.root)
        )
        options.environment["RCLONE_CONFIG_PUBTEST_TYPE"] = "local"
        let printed = Mutex<[String]>([])
        options.toolOutput = { line in printed.withLock { $0.append(line) } }
        adjust(&options)
        let result = try Publisher.publish(options)
        return Run(result: result, lines: printed.withLock { $0 }.compactMap(toolLine))
    }

    /// rsync's `--itemize-changes` (`>f.st...... path`, `*deleting   path`) and rclone's `-v`
    /// log (`INFO  : path: Copied (new)`, `INFO  : path: Deleted`); folders and notices aside.
    static func toolLine(_ line: String) -> ToolLine? {
        if line.hasPrefix(">f") || line.hasPrefix("<f") { return ToolLine(deleted: false, path: String(line.dropFirst(12))) }
        if line.hasPrefix("*deleting ") { return ToolLine(deleted: true, path: String(line.dropFirst(12))) }
        guard line.hasPrefix("INFO  : ") else { return nil }
        let rest = line.dropFirst("INFO  : ".count)
        for (suffix, deleted) in [(": Copied (new)", false), (": Copied (replaced existing)", false), (": Deleted", true)] where rest.hasSuffix(suffix) {
            return ToolLine(deleted: deleted, path: String(rest.dropLast(suffix.count)))
        }
        return nil
    }

    static func destinationTree(_ site: TestSite) -> [String: Data] {
        Fixtures.tree(at: site.root.appendingPathComponent("dest"))
    }

    static func changed(from before: [String: Data], to after: [String: Data]) -> Set<String> {
        Set(after.keys.filter { before[$0] != after[$0] })
    }

    /// True when every upload of a feed or sitemap comes after every other upload, and every
    /// deletion after all uploads.
    /// A feed the build writes, in any of its three formats.
    static func isFeed(_ path: String) -> Bool {
        path.hasSuffix("/feed.xml") || path.hasSuffix("/atom.xml") || path.hasSuffix("/feed.json")
    }

    static func inPublishOrder(_ lines: [ToolLine]) -> Bool {
        func isFeedOrSitemap(_ path: String) -> Bool { path.hasSuffix(".xml") || isFeed(path) || path == "robots.txt" }
        let ranks = lines.map { $0.deleted ? 2 : isFeedOrSitemap($0.path) ? 1 : 0 }
        return ranks == ranks.sorted()
    }

    @Test(arguments: ["rsync", "rclone"])
    func uploadsOnlyChangedFilesPagesFirstDeletionsLastAndCapped(transport: String) throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let destination = Self.destination(transport, in: site)
        #expect(site.build().succeeded)

        let first = try Self.publish(site, to: destination)
        let everything = site.outputTree()
        #expect(Self.destinationTree(site) == everything)
        #expect(Set(first.lines.map(\.path)) == Set(everything.keys))
        #expect(first.result.feedsAndSitemaps > 2)
        #expect(Self.inPublishOrder(first.lines), "\(first.lines)")

        let noOp = try Self.publish(site, to: destination)
        #expect(noOp.result.uploaded.isEmpty && noOp.result.deleted.isEmpty && noOp.lines.isEmpty)

        try site.write("""
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First item
        date: 2023-03-21
        tags: [policy, Romania]
        location: Bucharest, Romania
        ---
        The first paragraph, edited. See [the second](2023-04-02-second/index.md) and [about](/about/).

        ## Details

        Some detail.
        """)
        #expect(site.build().succeeded)
        let edited = Self.changed(from: everything, to: site.outputTree())
        #expect(!edited.isEmpty)
        let edit = try Self.publish(site, to: destination)
        #expect(Set(edit.result.uploaded) == edited)
        #expect(edit.lines.map(\.path).sorted() == edited.sorted())
        #expect(Self.inPublishOrder(edit.lines), "\(edit.lines)")
        #expect(Self.destinationTree(site) == site.outputTree())

        let beforeRemoval = site.outputTree()
        try site.remove("site/content/news/2023-05-01-third.md")
        #expect(site.build().succeeded)
        let afterRemoval = site.outputTree()
        let gone = Set(beforeRemoval.keys).subtracting(afterRemoval.keys)
        #expect(gone.contains("news/tags/extra/feed.xml"))
        #expect {
            try Self.publish(site, to: destination) { $0.maxDeletes = gone.count - 1 }
        } throws: { error in
            "\(error)".contains("\(gone.count) files would be deleted") && "\(error)".contains("nothing was transferred")
        }
        #expect(Self.destinationTree(site) == beforeRemoval)

        let removal = try Self.publish(site, to: destination) { $0.maxDeletes = gone.count }
        #expect(Set(removal.result.deleted) == gone)
        #expect(Set(removal.lines.filter(\.deleted).map(\.path)) == gone)
        #expect(Set(removal.result.uploaded) == Self.changed(from: beforeRemoval, to: afterRemoval))
        #expect(Self.inPublishOrder(removal.lines), "\(removal.lines)")
        #expect(Self.destinationTree(site) == afterRemoval)
        #expect(removal.result.warnings.isEmpty, "\(removal.result.warnings)")
        for folder in ["news/tags/extra", "news/2023/05/third", "news/2023/05", "news/page/2"] {
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("dest/" + folder).path), "\(folder)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("dest/news/tags/policy").path))
    }

    @Test func aFailedStepRecordsOnlyWhatArrivedAndARetryFinishes() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        // A non-empty folder where the news feed goes: rsync copies the pages, then cannot
        // put the feed in place.
        let obstacle = site.root.appendingPathComponent("dest/news/feed.xml")
        try FileManager.default.createDirectory(at: obstacle, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: obstacle.appendingPathComponent("keep"))
        #expect {
            try Self.publish(site, to: destination)
        } throws: { error in
            "\(error)".hasPrefix("rsync failed (exit ") && "\(error)".contains("while uploading feeds and sitemaps")
                && "\(error)".hasSuffix("pages and assets before it are published and recorded; the next publish uploads the rest")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("dest/news/index.html").path))

        try FileManager.default.removeItem(at: obstacle)
        let retry = try Self.publish(site, to: destination)
        #expect(!retry.result.uploaded.isEmpty)
        #expect(retry.result.uploaded.count == retry.result.feedsAndSitemaps)
        #expect(retry.result.uploaded.contains("news/feed.xml") && retry.result.uploaded.contains("sitemap.xml"))
        #expect(Self.destinationTree(site) == site.outputTree())
    }

    @Test func aRecordThatCannotBeSavedFailsThePublishAndTheNextUploadsAgain() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        var failing = FileSystem.local
        failing.rename = { from, to, folder in
            if to.hasSuffix(".record") { throw SystemError(code: ENOSPC) }
            try FileSystem.local.rename(from, to, folder)
        }
        #expect {
            try Self.publish(site, to: destination) { $0.fileSystem = failing }
        } throws: { error in
            "\(error)".hasPrefix("cannot write the publish record ")
        }
        let location = PublishRecord.Location(output: site.output, destination: try PublishDestination(destination, workingFolder: site.root))
        #expect(try PublishRecord.read(at: location.record, fileSystem: .local) == PublishRecord())
        #expect(try FileManager.default.contentsOfDirectory(atPath: location.folder).filter { $0.hasSuffix(".newsroom-tmp") }.isEmpty)
        #expect(try Self.publish(site, to: destination).result.uploaded.count == site.outputTree().count)
    }

    @Test func overlappingRunsAreRefused() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        let location = PublishRecord.Location(output: site.output, destination: try PublishDestination(destination, workingFolder: site.root))
        try FileManager.default.createDirectory(atPath: location.folder, withIntermediateDirectories: true)

        var held = try FileSystem.local.lock(location.lock, .file, 0)
        #expect(held != nil)
        #expect {
            try Self.publish(site, to: destination)
        } throws: { error in
            "\(error)".hasPrefix("another publish to \(destination) is running")
        }
        held = try FileSystem.local.lock(site.output.appendingPathComponent(OutputLock.fileName).path, .file, 0)
        #expect(held != nil)
        #expect {
            try Self.publish(site, to: destination)
        } throws: { error in
            "\(error)".contains("is locked: a generate is writing it")
        }
        #expect(Self.destinationTree(site).isEmpty)
        held = nil
        #expect(try Self.publish(site, to: destination).result.uploaded.count == site.outputTree().count)
    }

    @Test func refusesAnOutputThatIsMissingUnbuiltOrTouched() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let destination = Self.destination("rsync", in: site)
        #expect { try Self.publish(site, to: destination) } throws: { "\($0)".contains("no output folder: run generate before publishing") }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect { try Self.publish(site, to: destination) } throws: { "\($0)".contains("has no build manifest") }
        try FileManager.default.removeItem(at: site.output)
        #expect(site.build().succeeded)
        try Data("edited by hand".utf8).write(to: site.output.appendingPathComponent("about/index.html"))
        #expect { try Self.publish(site, to: destination) } throws: { "\($0)".contains("about/index.html is not as the last generate left it") }
        #expect { try Self.publish(site, to: site.output.appendingPathComponent("copy").path) } throws: { "\($0)".contains("is inside the output folder") }
        #expect(Self.destinationTree(site).isEmpty)
    }

    @Test(arguments: ["rsync", "rclone"])
    func aMissingToolNamesItsPackage(transport: String) throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let empty = site.root.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect {
            try Self.publish(site, to: Self.destination(transport, in: site)) { $0.environment["PATH"] = empty.path }
        } throws: { error in
            "\(error)" == "\(transport) is not installed (not found on PATH): install the Debian package '\(transport)' (apt-get install \(transport))"
        }
    }

    @Test func dryRunListsThePlanAndChangesNothing() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        let plan = try Self.publish(site, to: destination) { $0.dryRun = true }
        #expect(Set(plan.result.uploaded) == Set(site.outputTree().keys))
        #expect(plan.lines.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("dest").path))
        #expect(try Self.publish(site, to: destination).result.uploaded.count == plan.result.uploaded.count)
    }

    @Test func webSubPingsEachChangedFeedOnceAndRetriesARefusedPing() throws {
        let hub = try HubStub()
        defer { hub.stop() }
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let config = site.site.appendingPathComponent("site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "websub:\n  hub: \(hub.url)\n").write(to: config, atomically: true, encoding: .utf8)
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        func ping(_ path: String) -> String {
            "hub.mode=publish&hub.url=" + HubPing.formEncoded("https://example.org/newsroom/" + path)
        }
        let feeds = site.outputTree().keys.filter(Self.isFeed).sorted()
        #expect(feeds.count >= 3)

        let first = try Self.publish(site, to: destination)
        #expect(hub.received.sorted() == feeds.map(ping).sorted())
        #expect(first.result.pinged.count == feeds.count && first.result.warnings.isEmpty)

        _ = try Self.publish(site, to: destination)
        #expect(hub.received.count == feeds.count)

        let before = site.outputTree()
        try site.write("""
        -- site/content/news/2023-05-01-third.md --
        ---
        title: Third item, corrected
        date: 2023-05-01
        tags: [extra]
        ---
        A third item.
        """)
        #expect(site.build().succeeded)
        let changedFeeds = Self.changed(from: before, to: site.outputTree()).filter(Self.isFeed).sorted()
        #expect(!changedFeeds.isEmpty && changedFeeds.count < feeds.count)
        hub.failing(true)
        let refused = try Self.publish(site, to: destination)
        #expect(refused.result.pinged.isEmpty)
        #expect(refused.result.warnings.count == changedFeeds.count)
        #expect(refused.result.warnings.first?.contains("(HTTP 500); the next publish tries again") == true)
        #expect(hub.received.count == feeds.count + changedFeeds.count)

        hub.failing(false)
        let retried = try Self.publish(site, to: destination)
        #expect(retried.result.uploaded.isEmpty)
        #expect(Array(hub.received.suffix(changedFeeds.count)).sorted() == changedFeeds.map(ping).sorted())
        _ = try Self.publish(site, to: destination)
        #expect(hub.received.count == feeds.count + 2 * changedFeeds.count)
    }

    @Test func anUnreachableHubIsOneWarningAndEveryPingWaits() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let config = site.site.appendingPathComponent("site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "websub:\n  hub: http://127.0.0.1:1/hub\n").write(to: config, atomically: true, encoding: .utf8)
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        let run = try Self.publish(site, to: destination)
        #expect(run.result.pinged.isEmpty)
        #expect(run.result.warnings.count == 1)
        #expect(run.result.warnings.first?.contains("cannot be reached") == true, "\(run.result.warnings)")
        let location = PublishRecord.Location(output: site.output, destination: try PublishDestination(destination, workingFolder: site.root))
        let record = try PublishRecord.read(at: location.record, fileSystem: .local)
        #expect(record.pendingPings.count == site.outputTree().keys.filter(Self.isFeed).count)
        #expect(Self.destinationTree(site) == site.outputTree())
    }

    @Test func theHubMustBeAnHTTPURL() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let config = site.site.appendingPathComponent("site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "websub:\n  hub: ftp://hub.example/\n").write(to: config, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description).contains(
            "site/site.yml:\(line):8: error: 'websub.hub' must be an absolute http(s) URL like https://pubsubhubbub.appspot.com/, not 'ftp://hub.example/'"
        ), "\(result.diagnostics)")
    }

    @Test func aFolderHoldingSomeoneElsesFileIsKeptWithAWarning() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let destination = Self.destination("rsync", in: site)
        _ = try Self.publish(site, to: destination)
        let foreign = site.root.appendingPathComponent("dest/news/tags/extra/notes.txt")
        try Data("the web team's".utf8).write(to: foreign)
        try site.remove("site/content/news/2023-05-01-third.md")
        #expect(site.build().succeeded)
        let run = try Self.publish(site, to: destination)
        #expect(run.result.warnings.count == 1)
        #expect(run.result.warnings.first?.hasPrefix("the files are deleted, but not every folder they leave empty") == true, "\(run.result.warnings)")
        #expect(FileManager.default.fileExists(atPath: foreign.path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("dest/news/tags/extra/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("dest/news/2023/05").path))
    }

    /// On a bucket a folder is only a prefix, gone with its last file: rclone then finds no
    /// folder to remove, which is no problem. A local remote stands in, its folder removed first.
    @Test func aFolderAlreadyGoneIsNoWarning() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let destination = Self.destination("rclone", in: site)
        _ = try Self.publish(site, to: destination)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("dest/news/tags/extra"))
        try site.remove("site/content/news/2023-05-01-third.md")
        #expect(site.build().succeeded)
        let run = try Self.publish(site, to: destination)
        #expect(run.result.warnings.isEmpty, "\(run.result.warnings)")
        #expect(Self.destinationTree(site) == site.outputTree())
    }

    /// SPEC's cron job: a scheduled item going live uploads what its going live changed: its
    /// page, the listings it joins, the feeds and the sitemap (and the pages that list it as
    /// related), and nothing that kept its bytes.
    @Test func aScheduledItemGoingLiveUploadsItsPageListingsFeedsAndSitemap() throws {
        let site = try TestSite(Self.site + """

        -- site/content/news/2026-12-01-scheduled.md --
        ---
        title: Scheduled item
        date: 2026-12-01T09:00:00Z
        tags: [policy]
        ---
        Goes live on the first of December.
        """)
        defer { site.delete() }
        #expect(site.build(now: "2026-11-30T12:00:00Z").succeeded)
        let destination = Self.destination("rsync", in: site)
        _ = try Self.publish(site, to: destination)
        let before = site.outputTree()
        #expect(site.build(now: "2026-12-01T09:05:00Z").succeeded)
        let live = try Self.publish(site, to: destination)
        let uploaded = Set(live.result.uploaded)
        #expect(uploaded == Self.changed(from: before, to: site.outputTree()))
        #expect(uploaded.contains("news/2026/12/scheduled/index.html"))
        #expect(uploaded.isSuperset(of: ["news/index.html", "news/tags/policy/index.html", "news/feed.xml", "news/tags/policy/feed.xml", "sitemap.xml"]))
        #expect(live.result.deleted.isEmpty)
        #expect(Self.inPublishOrder(live.lines))
    }

    @Test func theCronPairPrintsNothingOnSuccess() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let build = try CommandRunner.run(["--now", "2026-11-29T12:00:00Z", "--quiet"], in: site.root)
        let publish = try CommandRunner.run(["publish", "dest", "--quiet"], in: site.root)
        #expect(build.status == 0 && build.stdout.isEmpty && build.stderr.isEmpty, "\(build)")
        #expect(publish.status == 0 && publish.stdout.isEmpty && publish.stderr.isEmpty, "\(publish)")
        #expect(Self.destinationTree(site) == site.outputTree())

        let again = try CommandRunner.run(["publish", "dest"], in: site.root)
        #expect(again.status == 0 && again.stderr.isEmpty)
        #expect(again.stdout.hasPrefix("publish: nothing changed since the last publish to dest in "), "\(again.stdout)")
        #expect(again.stdout.split(separator: "\n").count == 1)

        let badDestination = try CommandRunner.run(["publish", "rclone:no-remote-path"], in: site.root)
        #expect(badDestination.status == 2 && badDestination.stderr.contains("names no rclone remote"), "\(badDestination)")

        let dryRun = try CommandRunner.run(["publish", "elsewhere", "--dry-run"], in: site.root)
        let planned = dryRun.stdout.split(separator: "\n")
        #expect(dryRun.status == 0 && planned.contains("upload news/index.html") && planned.contains("upload news/feed.xml"))
        #expect(planned.last?.hasPrefix("publish --dry-run: would upload \(site.outputTree().count) files (") == true, "\(planned)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("elsewhere").path))

        try FileManager.default.removeItem(at: site.output)
        let failed = try CommandRunner.run(["publish", "dest", "--quiet"], in: site.root)
        #expect(failed.status == 1 && failed.stdout.isEmpty)
        #expect(failed.stderr.hasPrefix("publish: error: \(site.output.resolvingSymlinksInPath().path): no output folder") || failed.stderr.contains(": no output folder: run generate before publishing"), "\(failed.stderr)")
    }
}
