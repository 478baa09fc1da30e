import Foundation
import Testing
@testable import Newsroom

/// Issue 17: a cron run in which one scheduled item goes live changes exactly the files that
/// show it, and a cron run with nothing due changes nothing; quiet runs print nothing.
@Suite struct CronQuietTests {
    static let archive = Sites.valid + """

    -- site/content/news/2023-05-10-third.md --
    ---
    id: tag:example.org,2023-05-10:third
    title: Third
    tags: [Romania]
    ---
    Published before.
    -- site/content/news/2027-01-05-due.md --
    ---
    id: tag:example.org,2027-01-05:due
    title: Due
    date: 2027-01-05T09:00:00+02:00
    tags: [Moldova]
    ---
    Goes live on its own.
    """

    @Test func aScheduledItemGoingLiveChangesOnlyWhatShowsIt() throws {
        let site = try TestSite(Self.archive)
        defer { site.delete() }
        #expect(site.build(now: "2026-11-29T12:00:00Z").succeeded)
        let before = Self.identities(site.output)
        // Nothing due: nothing written.
        let quiet = site.build(now: "2027-01-05T06:59:59Z")
        #expect(quiet.report.written == 0 && quiet.report.removed == 0)
        #expect(Self.identities(site.output) == before)

        let live = site.build(now: "2027-01-05T07:00:00Z")
        #expect(live.succeeded)
        let after = Self.identities(site.output)
        let changed = Set(after.keys.filter { before[$0] != after[$0] }).union(before.keys.filter { after[$0] == nil })
        let feeds = { (folder: String) in ["feed.xml", "atom.xml", "feed.json"].map { folder + $0 } }
        let expected: Set<String> = Set([
            // its page, and the page whose "newer" link now leads to it
            "news/2027/01/due/index.html", "news/2023/05/third/index.html",
            // the listings it joins: home, the news index's front page, its tag, its year and
            // month, and the tag index that counts tags and years
            "index.html", "news/index.html", "news/tags/moldova/index.html",
            "news/2027/index.html", "news/2027/01/index.html", "news/tags/index.html",
            // the news index's front page was full: a fixed page is cut from its oldest items
            "news/page/1/index.html",
            // the archive front pages one step older, whose "newer" link now leads to 2027 and
            // January 2027
            "news/2023/index.html", "news/2023/05/index.html",
            "sitemap.xml", "search/index.js",
        ] + feeds("news/") + feeds("news/tags/moldova/"))
        #expect(changed == expected, "unexpected: \(changed.subtracting(expected).sorted()), missing: \(expected.subtracting(changed).sorted())")
        #expect(live.report.written == expected.count && live.report.removed == 0)
    }

    /// `generate --quiet` prints nothing when it succeeds, even with items whose ids are not
    /// pinned (their warning is for an author at a terminal, not the cron log).
    @Test func quietRunsPrintNothing() throws {
        let site = try TestSite(Self.archive + "\n" + ItemIDTests.item("2024-02-01-unpinned"))
        defer { site.delete() }
        for now in ["2026-11-29T12:00:00Z", "2026-11-29T12:00:00Z", "2027-01-06T00:00:00Z"] {
            let outcome = try CommandRunner.run(["--quiet", "--now", now], in: site.root)
            #expect(outcome.status == 0 && outcome.stdout.isEmpty && outcome.stderr.isEmpty, "\(outcome.stdout)\(outcome.stderr)")
        }
    }

    static func identities(_ folder: URL) -> [String: String] {
        var identities: [String: String] = [:]
        for (path, data) in Fixtures.tree(at: folder) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let inode = attributes?[.systemFileNumber] as? Int ?? 0
            identities[path] = "\(modified) \(inode) \(data.hashValue)"
        }
        return identities
    }
}
