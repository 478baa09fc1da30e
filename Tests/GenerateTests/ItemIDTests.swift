import Foundation
import Testing
@testable import Newsroom

/// Issue 17: every item's permanent id, an RFC 4151 tag URI, written in front matter or derived
/// (with one warning naming the line to add), checked, and never shared.
@Suite struct ItemIDTests {
    static func item(_ name: String, id: String? = nil, title: String = "An item") -> String {
        """
        -- site/content/news/\(name).md --
        ---
        \(id.map { "id: \($0)\n" } ?? "")title: \(title)
        ---
        Text.
        """
    }

    @Test func aMissingIdIsDerivedWithOneWarningListingTheLinesToAdd() throws {
        let site = try TestSite(Sites.valid + "\n" + Self.item("2024-02-01-a") + "\n" + Self.item("2024-02-03-b"))
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            """
            site/content/news/2024-02-01-a.md:1:1: warning: 2 news items have no permanent 'id', so feed readers will show each as new if a slug changes; pin them by adding this line after the opening '---':
              site/content/news/2024-02-01-a.md:2:1: id: tag:example.org,2024-02-01:a
              site/content/news/2024-02-03-b.md:2:1: id: tag:example.org,2024-02-03:b
            """,
        ])
        #expect(site.read("news/feed.xml")?.contains("<guid isPermaLink=\"false\">tag:example.org,2024-02-03:b</guid>") == true)
        // The line it suggests is the one the build derives: pinning it changes no feed.
        let feeds = ["news/feed.xml", "news/atom.xml", "news/feed.json"].map { site.read($0) }
        try site.write(Self.item("2024-02-01-a", id: "tag:example.org,2024-02-01:a") + "\n" + Self.item("2024-02-03-b", id: "tag:example.org,2024-02-03:b"))
        let pinned = site.build()
        #expect(pinned.diagnostics.isEmpty, "\(pinned.diagnostics)")
        #expect(["news/feed.xml", "news/atom.xml", "news/feed.json"].map { site.read($0) } == feeds)
    }

    @Test func aLongListNamesTheFirstFilesAndTheRule() throws {
        let items = (1...(ItemIDs.listedLimit + 2)).map { Self.item("2024-01-\(PublicationDate.pad($0))-n\($0)") }
        let site = try TestSite(Sites.valid + "\n" + items.joined(separator: "\n"))
        defer { site.delete() }
        let warnings = site.build().diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        let lines = warnings.first?.description.split(separator: "\n") ?? []
        #expect(lines.count == 1 + ItemIDs.listedLimit + 1)
        #expect(lines.last == "  … and 2 more: each gets `id: tag:example.org,DATE:SLUG` with its own day (YYYY-MM-DD) and slug")
    }

    @Test(arguments: [
        ("https://example.org/x", "it does not start with 'tag:'"),
        ("tag:example.org:x", "it has no ',' between the authority and the date (tag:example.org,2026-11-12:slug)"),
        ("tag:exa_mple.org,2024:x", "'exa_mple.org' is not a domain name or e-mail address"),
        ("tag:example.org,2024-02-30:x", "'2024-02-30' is not a real date"),
        ("tag:example.org,2024-13:x", "'2024-13' has no month 13"),
        ("tag:example.org,24-01-01:x", "'24-01-01' is not a date like 2026-11-12 (or 2026-11, or 2026)"),
        ("tag:example.org,2024-01-01", "it has no ':' between the date and the specific part"),
        ("tag:example.org,2024-01-01:a b", "' ' may not appear after the date (percent-encode it, or use letters, digits and - . _ ~ : @ /)"),
        ("tag:example.org,2024-01-01:%zz", "a '%' after the date must start an escape like %20"),
        ("tag:example.org,2024-01-01:україна", "characters beyond ASCII after the date must be percent-encoded"),
    ])
    func aMalformedIdIsAnErrorAtItsLine(id: String, problem: String) throws {
        let site = try TestSite(Sites.valid + "\n" + Self.item("2024-02-01-a", id: "\"\(id)\""))
        defer { site.delete() }
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "site/content/news/2024-02-01-a.md:2:5: error: 'id' must be a tag URI like tag:example.org,2026-11-12:a (RFC 4151): \(problem)",
        ])
        #expect(!site.exists("index.html"), "a failed build writes nothing")
    }

    @Test func wellFormedIdsOfEveryShapeAreAccepted() {
        for id in ["tag:example.org,2026-11-12:online-convictions", "tag:press@example.org,2026:a/b?c#d", "tag:a-1.example,2026-11:x%20y", "tag:example.org,2024-02-29:"] {
            #expect(TagURI.problem(in: id) == nil, "\(id)")
        }
        #expect(TagURI.make(host: "News.Example.ORG", year: 2026, month: 1, day: 5, slug: "ça-va") == "tag:news.example.org,2026-01-05:%C3%A7a-va")
        #expect(TagURI.problem(in: TagURI.make(host: "news.example.org", year: 2026, month: 1, day: 5, slug: "ça-va")) == nil)
    }

    @Test func twoItemsWithOneIdAreAnErrorNamingBoth() throws {
        let site = try TestSite(Sites.valid + "\n" + Self.item("2024-02-01-a", id: "tag:example.org,2023-03-21:first"))
        defer { site.delete() }
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "site/content/news/2024-02-01-a.md:2:5: error: 'site/content/news/2024-02-01-a.md' and 'site/content/news/2023-03-21-first.md' have the same id 'tag:example.org,2023-03-21:first'; give one of them its own id",
        ])
        // A pinned id that happens to be another item's derived one is caught too.
        let other = try TestSite(Sites.valid + "\n" + Self.item("2024-02-01-a") + "\n" + Self.item("2024-03-01-b", id: "tag:example.org,2024-02-01:a"))
        defer { other.delete() }
        #expect(other.build().otherDiagnostics.map(\.description) == [
            "site/content/news/2024-03-01-b.md:2:5: error: 'site/content/news/2024-03-01-b.md' and 'site/content/news/2024-02-01-a.md' (derived from its date and slug) have the same id 'tag:example.org,2024-02-01:a'; give one of them its own id",
        ])
    }

    @Test func feedSettingsAreChecked() throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nfeed:\n  max_bytes: 100\nwebsub:\n  hub: hub.example.net\n  secret: x"))
        defer { site.delete() }
        #expect(site.build().diagnostics.map(\.description) == [
            "site/site.yml:8:14: error: 'feed.max_bytes' must be from 4096 to 100000000",
            "site/site.yml:10:8: error: 'websub.hub' must be an absolute http(s) URL like https://pubsubhubbub.appspot.com/, not 'hub.example.net'",
            "site/site.yml:11:3: warning: unknown key 'websub.secret'; it is ignored",
        ])
    }
}
