import Foundation
import Synchronization
import Testing
@testable import Newsroom
@testable import NewsroomServer

/// `serve` publishes at the time of each rebuild, not of its start, and rebuilds by itself when
/// an item's date comes: the output is then what the cron job's build at that moment makes.
@Suite struct LiveClockTests {
    static let scheduledItem = """
    -- site/content/news/2030-01-02-scheduled.md --
    ---
    title: Scheduled item
    date: 2030-01-02T09:00:00Z
    ---
    Goes live on the second of January.
    """
    static let page = "news/2030/01/scheduled/index.html"

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// The site's options with no `--now`: the clock given decides.
    static func unpinned(_ site: TestSite) -> GenerateOptions {
        var options = site.options()
        options.nowText = nil
        options.imageCache = site.root.appendingPathComponent("live-cache")
        return options
    }

    @Test func aScheduledItemGoesLiveOnTheFirstRebuildAfterItsDate() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try site.write(Self.scheduledItem)
        let clock = Mutex(Self.instant("2030-01-01T00:00:00Z"))
        let live = LiveSite(options: Self.unpinned(site), clock: { clock.withLock { $0 } })

        let before = live.rebuild()
        #expect(before.succeeded, "\(before.diagnostics)")
        #expect(before.nextChange == Self.instant("2030-01-02T09:00:00Z"))
        #expect(site.outputTree()[Self.page] == nil)

        clock.withLock { $0 = Self.instant("2030-01-02T09:00:01Z") }
        let after = live.rebuild(changed: [])
        #expect(after.succeeded, "\(after.diagnostics)")
        #expect(after.nextChange == nil)
        let (clean, expected) = LiveSiteTests.cleanBuild(of: site, now: "2030-01-02T09:00:01Z")
        #expect(clean.succeeded)
        #expect(expected[Self.page] != nil)
        Fixtures.expectSameFiles(site.outputTree(), as: expected, "after the item's date")
    }

    @Test func anExpiredItemComesDownAndTheBannerEndsOnTime() throws {
        let publication = Publication(now: Self.instant("2030-01-01T00:00:00Z"))
        let dates = DateParser(timeZone: TimeZone(identifier: "UTC")!)
        func date(_ text: String) -> PublicationDate {
            guard case .success(let date) = dates.parse(text) else { fatalError(text) }
            return date
        }
        func item(_ slug: String, _ day: String, expires: String? = nil, draft: Bool = false) -> NewsItem {
            NewsItem(
                sourcePath: "news/\(slug).md", title: slug, date: date(day), expires: expires.map(date), slug: slug,
                tags: [], tagLocations: [], draft: draft, aliases: [], body: "", bodyFirstLine: 1
            )
        }
        let live = item("live", "2029-12-01", expires: "2030-03-01")
        let scheduled = item("later", "2030-02-01")
        let draft = item("draft", "2030-01-15", draft: true)
        let banner = SiteConfig.Banner(text: "Give", callToAction: "Donate", url: "/give/", start: date("2029-06-01"), end: date("2030-01-20"))

        #expect(publication.nextChange([live, scheduled, draft], banner: banner) == Self.instant("2030-01-20T00:00:00Z"))
        #expect(publication.nextChange([live, scheduled, draft], banner: nil) == Self.instant("2030-02-01T00:00:00Z"))
        #expect(publication.nextChange([live], banner: nil) == Self.instant("2030-03-01T00:00:00Z"))
        // A draft goes live at its date only when drafts are published.
        let withDrafts = Publication(now: publication.now, includeDrafts: true)
        #expect(withDrafts.nextChange([live, scheduled, draft], banner: nil) == Self.instant("2030-01-15T00:00:00Z"))
        // With future items published, only the expiry is left.
        let withFuture = Publication(now: publication.now, includeFuture: true)
        #expect(withFuture.nextChange([live, scheduled], banner: nil) == Self.instant("2030-03-01T00:00:00Z"))
        #expect(publication.nextChange([], banner: nil) == nil)
    }

    /// The server arms a rebuild for the next change: the item's page appears with no edit.
    @Test func serveRebuildsByItselfWhenAnItemsDateComes() async throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let lines = Mutex<[String]>([])
        let server = PreviewServer(options: Self.unpinned(site), port: 0) { line in lines.withLock { $0.append(line) } }
        _ = try await server.start()
        let first = server.currentStatus.build
        func waitForBuild(_ build: Int) async throws {
            for _ in 0..<300 where server.currentStatus.build < build {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        // Added while serving, dated a few seconds ahead: the edit's rebuild leaves it out and
        // arms the next.
        let stamp = ISO8601DateFormatter().string(from: Date().addingTimeInterval(4))
        let day = stamp.prefix(10)
        try site.write(Self.scheduledItem.replacingOccurrences(of: "2030-01-02T09:00:00Z", with: stamp).replacingOccurrences(of: "2030-01-02-", with: "\(day)-"))
        let page = site.output.appendingPathComponent("news/\(day.prefix(4))/\(day.dropFirst(5).prefix(2))/scheduled/index.html")
        try await waitForBuild(first + 1)
        #expect(!FileManager.default.fileExists(atPath: page.path))
        try await waitForBuild(first + 2)
        await server.stop()
        #expect(server.currentStatus.build == first + 2)
        #expect(FileManager.default.fileExists(atPath: page.path))
        #expect(lines.withLock { $0.contains { $0.hasPrefix("site/content/news/\(day)-scheduled.md goes live:") } }, "\(lines.withLock { $0 })")
    }

    /// With `--now` the clock stands still: an item after that moment, though its date has
    /// passed, arms no rebuild (it would find the same moment again, and again).
    @Test func aPinnedNowArmsNoRebuild() async throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try site.write(Self.scheduledItem.replacingOccurrences(of: "2030-01-02T09:00:00Z", with: "2026-11-30T09:00:00Z").replacingOccurrences(of: "2030-01-02-", with: "2026-11-30-"))
        let server = PreviewServer(options: site.options(now: "2026-11-29T12:00:00Z"), port: 0) { _ in }
        _ = try await server.start()
        let first = server.currentStatus.build
        try await Task.sleep(nanoseconds: 600_000_000)
        await server.stop()
        #expect(server.currentStatus.build == first)
    }
}
