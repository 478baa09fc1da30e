import Foundation
import Testing
@testable import Newsroom

/// Issue 14: a `#fragment` link in a body must name an id the target body has (headings by
/// GitHub's rule, footnotes, raw HTML ids), on a clean build and on a rebuild alike.
@Suite struct FragmentLinkTests {
    static let news = "site/content/news"

    static let linked = Sites.valid + """

    -- site/content/news/2024-01-10-target.md --
    ---
    title: Target
    date: 2024-01-10
    ---
    ## Part two - b_c

    A claim.[^1]

    [^1]: A source.
    -- site/content/pages/team.markdown --
    ---
    title: Team
    ---
    ## Our Board
    """

    func messages(_ result: BuildResult) -> [String] {
        result.otherDiagnostics.map(\.description)
    }

    /// With no room for parsed bodies (a large site), targets are parsed again for the check.
    @Test(arguments: [64 << 20, 0])
    func linksToIDsThatExistBuild(bodyBudget: Int) throws {
        let site = try TestSite(Self.linked + """

        -- site/content/news/2024-01-11-linking.md --
        ---
        title: Linking
        date: 2024-01-11
        ---
        ## Intro

        [self](#intro), [own file](2024-01-11-linking.md#intro), [other](2024-01-10-target.md#part-two---b_c),
        [note](2024-01-10-target.md#fn-1), [page](/team/#our-board), [page source](../pages/team.markdown#our-board),
        [bundle](2023-04-02-second/index.md), [text](2024-01-10-target.md#:~:text=A%20claim),
        [static](/images/logo.svg#whatever), [listing](/news/#nothing), [feed](/news/feed.xml#nothing), [out](https://example.com/#x)
        """)
        defer { site.delete() }
        let result = site.build { $0.bodies.bytesInMemory = bodyBudget }
        #expect(messages(result) == [])
        let page = try #require(site.read("news/2024/01/linking/index.html"))
        #expect(page.contains("href=\"../target/index.html#part-two---b_c\""), "\(page)")
    }

    @Test(arguments: [64 << 20, 0])
    func linksToMissingIDsAreErrorsAtTheLink(bodyBudget: Int) throws {
        let site = try TestSite(Self.linked + """

        -- site/content/news/2024-01-11-linking.md --
        ---
        title: Linking
        date: 2024-01-11
        ---
        ## Intro

        [self](#intr) and [other](2024-01-10-target.md#part-two-b_c).
        [page](/team/#board) and [gone](2023-04-02-second/index.md#nowhere).
        """)
        defer { site.delete() }
        let result = site.build { $0.bodies.bytesInMemory = bodyBudget }
        #expect(!result.succeeded)
        let file = "\(Self.news)/2024-01-11-linking.md"
        #expect(messages(result) == [
            "\(file):7:1: error: link '#intr' points at an id that '\(file)' does not have; did you mean 'intro'?",
            "\(file):7:19: error: link '2024-01-10-target.md#part-two-b_c' points at an id that '\(Self.news)/2024-01-10-target.md' does not have; did you mean 'part-two---b_c'?",
            "\(file):8:1: error: link '/team/#board' points at an id that 'site/content/pages/team.markdown' does not have",
            "\(file):8:26: error: link '2023-04-02-second/index.md#nowhere' points at an id that '\(Self.news)/2023-04-02-second/index.md' does not have",
        ])
    }

    @Test func rawHTMLIDsCountWhenRawHTMLIsOn() throws {
        let site = try TestSite(Self.linked.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nraw_html: true") + """

        -- site/content/news/2024-01-11-linking.md --
        ---
        title: Linking
        date: 2024-01-11
        ---
        <div id="box">Boxed</div>

        [box](#box) and [missing](#boxes)
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(messages(result) == [
            "\(Self.news)/2024-01-11-linking.md:7:17: error: link '#boxes' points at an id that '\(Self.news)/2024-01-11-linking.md' does not have; did you mean 'box'?",
        ])
    }

    /// A links to B's heading; B's heading is renamed and A is untouched: the rebuild must
    /// report the broken link as a clean build would, and pass again once B is put back.
    @Test func renamingTheTargetHeadingFailsTheRebuild() throws {
        let site = try TestSite(Self.linked + """

        -- site/content/news/2024-01-11-linking.md --
        ---
        title: Linking
        date: 2024-01-11
        ---
        See [the part](2024-01-10-target.md#part-two---b_c).
        """)
        defer { site.delete() }
        #expect(messages(site.build()) == [])
        let target = site.site.appendingPathComponent("content/news/2024-01-10-target.md")
        let original = try String(contentsOf: target, encoding: .utf8)
        try original.replacingOccurrences(of: "## Part two - b_c", with: "## Part three").write(to: target, atomically: true, encoding: .utf8)
        let rebuilt = site.build()
        #expect(!rebuilt.succeeded)
        #expect(messages(rebuilt) == [
            "\(Self.news)/2024-01-11-linking.md:5:5: error: link '2024-01-10-target.md#part-two---b_c' points at an id that '\(Self.news)/2024-01-10-target.md' does not have",
        ])
        try original.write(to: target, atomically: true, encoding: .utf8)
        #expect(messages(site.build()) == [])
    }

    @Test func scanFindsThePathsBeforeFragments() {
        let body = "[a](x.md#i) [r]: ../y/index.md#j <my file.md#k> <a href=\"/about/#l\"> #tag C# [self](#m)"
        let found = Set(FragmentLinkScan.paths(in: body))
        #expect(found.isSuperset(of: ["x.md", "../y/index.md", "my file.md", "/about/"]), "\(found.sorted())")
    }
}
