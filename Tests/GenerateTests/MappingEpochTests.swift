import Foundation
import Testing
@testable import Newsroom

/// Issue 20: a new item does not make every page's key change (the link map only grew), yet a
/// rebuild is still the clean build, and a map that shrinks brings every page back to account.
@Suite struct MappingEpochTests {
    static func site() throws -> TestSite {
        try TestSite("""
        -- site/site.yml --
        title: Epochs
        base_url: https://example.org/
        timezone: UTC
        theme: minimal
        per_page: 2
        -- site/content/news/2023-01-01-a.md --
        ---
        title: A
        tags: [x]
        ---
        First.
        -- site/content/news/2023-01-02-b.md --
        ---
        title: B
        ---
        Second.
        -- site/content/news/2023-01-03-c.md --
        ---
        title: C
        ---
        Third.
        """)
    }

    static let itemD = """
    -- site/content/news/2023-01-04-d.md --
    ---
    title: D
    ---
    Fourth, after [C](2023-01-03-c.md).
    """

    /// Each page's render key when the build follows one that left `previous`.
    static func pageKeys(_ site: TestSite, after previous: MappingEpoch) throws -> (keys: [String: UInt64], epoch: MappingEpoch) {
        let planned = try PlannedSite(site.options())
        var renderer = planned.renderer
        let inputs = planned.inputs
        let epoch = MappingEpoch.following(previous, index: renderer.plan.index)
        let seen = SeenKeys()
        renderer.enableCache(publication: inputs.publication, bannerShowing: inputs.bannerShowing, mapping: epoch.digest) { path, key in
            seen.add(path, key)
            return false
        }
        var log = DiagnosticLog()
        _ = renderer.render(log: &log)
        return (seen.keys, epoch)
    }

    final class SeenKeys: @unchecked Sendable {
        // Unchecked: every access holds the lock.
        private let lock = NSLock()
        private var seen: [String: UInt64] = [:]
        func add(_ path: String, _ key: UInt64) { lock.withLock { seen[path] = key } }
        var keys: [String: UInt64] { lock.withLock { seen } }
    }

    @Test func aNewItemKeepsTheKeysOfPagesItDoesNotShowOn() throws {
        let site = try Self.site()
        defer { site.delete() }
        let (before, first) = try Self.pageKeys(site, after: MappingEpoch())
        try site.write(Self.itemD)
        let (after, second) = try Self.pageKeys(site, after: first)
        #expect(second.digest == first.digest)
        let a = "news/2023/01/a/index.html"
        #expect(before[a] != nil)
        #expect(after[a] == before[a])
        #expect(after["index.html"] != before["index.html"])
        // Without the previous epoch (a first build), every key starts again.
        let (fresh, _) = try Self.pageKeys(site, after: MappingEpoch())
        #expect(fresh[a] != before[a])
        // An entry gone ends the epoch.
        try site.remove("site/content/news/2023-01-02-b.md")
        let (_, third) = try Self.pageKeys(site, after: second)
        #expect(third.digest != second.digest)
    }

    @Test func aNewItemRebuildsToTheCleanBuild() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        try site.write(Self.itemD)
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let clean = site.root.appendingPathComponent("clean")
        #expect(site.build { $0.output = clean }.succeeded)
        #expect(Fixtures.tree(at: clean) == site.outputTree())
    }

    @Test func aLinkToAnItemThatIsRemovedIsAnErrorAgain() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        try site.write("""
        -- site/content/news/2023-01-04-d.md --
        ---
        title: D
        ---
        Fourth.
        -- site/content/news/2023-01-01-a.md --
        ---
        title: A
        tags: [x]
        ---
        First, before [D](2023-01-04-d.md).
        """)
        #expect(site.build().succeeded)
        try site.remove("site/content/news/2023-01-04-d.md")
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == ["site/content/news/2023-01-01-a.md:5:15: error: link target '2023-01-04-d.md' does not exist"])
        #expect(site.exists("news/2023/01/d/index.html"))
    }

    @Test func anEpochContinuesOnlyWhileEveryEntryIsKept() {
        #expect(MappingEpoch.isSorted([], within: []))
        #expect(MappingEpoch.isSorted([2, 5], within: [1, 2, 3, 5]))
        #expect(!MappingEpoch.isSorted([2, 4], within: [1, 2, 3, 5]))
        #expect(!MappingEpoch.isSorted([1, 2, 3], within: [1, 2]))
    }
}
