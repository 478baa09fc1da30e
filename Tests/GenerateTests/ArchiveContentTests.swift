import Foundation
import Testing
@testable import Newsroom

/// Issue 14: archives written for Jekyll-era tools build as they are: dates taken from file
/// names, YAML 1.1 timestamps, `.markdown` files, and file names that are not slugs.
@Suite struct ArchiveContentTests {
    static let news = "site/content/news"

    func build(_ archive: String) throws -> (TestSite, BuildResult) {
        let site = try TestSite(Sites.valid + "\n" + archive)
        return (site, site.build())
    }

    func messages(_ result: BuildResult) -> [String] {
        result.otherDiagnostics.map(\.description)
    }

    @Test func dateComesFromTheFileName() throws {
        let (site, result) = try build("""
        -- site/content/news/2024-03-01-undated.md --
        ---
        title: Undated
        ---
        Text.
        """)
        defer { site.delete() }
        #expect(result.succeeded)
        #expect(messages(result) == [])
        let page = try #require(site.read("news/2024/03/undated/index.html"))
        #expect(page.contains("datetime=\"2024-03-01T00:00:00+02:00\""), "\(page)")
    }

    @Test func impossibleDateInTheFileNameIsAnError() throws {
        let (site, result) = try build("""
        -- site/content/news/2023-02-30-undated.md --
        ---
        title: Undated
        ---
        """)
        defer { site.delete() }
        #expect(!result.succeeded)
        #expect(messages(result) == [
            "\(Self.news)/2023-02-30-undated.md:1:1: error: the date '2023-02-30' in the file name is not a real date: February 2023 has no day 30",
        ])
    }

    /// The day as written in `date` (in its own offset) against the name's day.
    @Test func dayOtherThanTheFileNamesIsAWarning() throws {
        let (site, result) = try build("""
        -- site/content/news/2024-03-01-late.md --
        ---
        title: Late
        date: 2024-03-02 01:00:00 +05:00
        ---
        -- site/content/news/2024-03-01-same-day.md --
        ---
        title: Same day elsewhere
        date: 2024-03-01 23:30:00 -4
        ---
        """)
        defer { site.delete() }
        #expect(result.succeeded)
        #expect(messages(result) == [
            "\(Self.news)/2024-03-01-late.md:3:7: warning: 'date' (2024-03-02) is not the day in the file name (2024-03-01)",
        ])
        #expect(site.read("news/2024/03/same-day/index.html")?.contains("datetime=\"2024-03-01T23:30:00-04:00\"") == true)
    }

    @Test func yamlTimestampsInFrontMatter() throws {
        let (site, result) = try build("""
        -- site/content/news/2025-01-29-spaced.md --
        ---
        title: Spaced
        date: 2025-01-29 18:15:32 +0530
        ---
        -- site/content/news/2001-12-14-lower-t.md --
        ---
        title: Lower t
        date: "2001-12-14t21:59:43.10-05:00"
        ---
        """)
        defer { site.delete() }
        #expect(messages(result) == [])
        #expect(site.read("news/2025/01/spaced/index.html")?.contains("datetime=\"2025-01-29T18:15:32+05:30\"") == true)
        #expect(site.read("news/2001/12/lower-t/index.html")?.contains("datetime=\"2001-12-14T21:59:43-05:00\"") == true)
    }

    @Test func markdownExtensionForItemsBundlesAndPages() throws {
        let (site, result) = try build("""
        -- site/content/news/2024-04-01-legacy.markdown --
        ---
        title: Legacy
        ---
        See [the bundle](2024-04-02-bundled/index.markdown) and [the team](../pages/team.markdown).
        -- site/content/news/2024-04-02-bundled/index.markdown --
        ---
        title: Bundled
        ---
        ![A drawing](photo.svg)
        -- site/content/news/2024-04-02-bundled/photo.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
        -- site/content/pages/team.markdown --
        ---
        title: Team
        ---
        Us.
        """)
        defer { site.delete() }
        #expect(messages(result) == [])
        let legacy = try #require(site.read("news/2024/04/legacy/index.html"))
        #expect(legacy.contains("href=\"../../04/bundled/index.html\"") || legacy.contains("href=\"../bundled/index.html\""), "\(legacy)")
        #expect(legacy.contains("../../../../team/index.html"), "\(legacy)")
        #expect(site.exists("news/2024/04/bundled/photo.svg"))
        #expect(site.exists("team/index.html"))
    }

    @Test func twoSourcesForOneItemAreAnError() throws {
        let (site, result) = try build("""
        -- site/content/news/2024-04-01-twice.md --
        ---
        title: Twice
        ---
        -- site/content/news/2024-04-01-twice.markdown --
        ---
        title: Twice again
        ---
        -- site/content/news/2024-04-02-bundle/index.md --
        ---
        title: Bundle
        ---
        -- site/content/news/2024-04-02-bundle/index.markdown --
        ---
        title: Bundle again
        ---
        -- site/content/pages/team.md --
        ---
        title: Team
        ---
        -- site/content/pages/team.markdown --
        ---
        title: Team again
        ---
        """)
        defer { site.delete() }
        #expect(!result.succeeded)
        #expect(messages(result) == [
            "\(Self.news)/2024-04-01-twice.md:1:1: error: 'site/content/news/2024-04-01-twice.markdown' and 'site/content/news/2024-04-01-twice.md' are two sources for one item; keep one",
            "\(Self.news)/2024-04-02-bundle/index.markdown:1:1: error: the bundle '2024-04-02-bundle' has two sources, index.md and index.markdown; keep one",
            "site/content/pages/team.md:1:1: error: 'site/content/pages/team.markdown' and 'site/content/pages/team.md' are two sources for one page; keep one",
        ])
    }

    @Test func fileNamesThatAreNotSlugsAreSlugified() throws {
        let (site, result) = try build("""
        -- site/content/news/2015-05-15-Rust-1.0.md --
        ---
        title: Rust 1.0
        ---
        -- site/content/pages/Our Team.md --
        ---
        title: Our team
        ---
        """)
        defer { site.delete() }
        #expect(messages(result) == [])
        #expect(site.exists("news/2015/05/rust-1-0/index.html"))
        #expect(site.exists("our-team/index.html"))
    }

    @Test func slugCollisionNamesBothFiles() throws {
        let (site, result) = try build("""
        -- site/content/news/2015-05-15-Rust-1.0.md --
        ---
        title: Rust 1.0
        ---
        -- site/content/news/2015-05-15-rust-1-0.md --
        ---
        title: Rust one
        ---
        -- site/content/news/2015-05-16-!!!.md --
        ---
        title: Shouting
        ---
        """)
        defer { site.delete() }
        #expect(!result.succeeded)
        #expect(messages(result) == [
            "\(Self.news)/2015-05-15-rust-1-0.md:1:1: error: 'news/2015/05/rust-1-0/index.html' would be written twice: by \(Self.news)/2015-05-15-Rust-1.0.md and by \(Self.news)/2015-05-15-rust-1-0.md",
            "\(Self.news)/2015-05-16-!!!.md:1:1: error: the file name '!!!' has no letters or digits to make a URL from; rename it or set 'slug'",
        ])
    }

    @Test func invalidExplicitSlugStaysAnError() throws {
        let (site, result) = try build("""
        -- site/content/news/2015-05-15-fine.md --
        ---
        title: Fine
        slug: Not Fine
        ---
        """)
        defer { site.delete() }
        #expect(messages(result) == [
            "\(Self.news)/2015-05-15-fine.md:3:7: error: slug 'Not Fine' may hold only lower-case letters, digits, '-' and '_' (e.g. 'not-fine')",
        ])
    }
}
