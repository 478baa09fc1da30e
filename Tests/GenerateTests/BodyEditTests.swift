import Foundation
import Testing
@testable import Newsroom

/// `serve` after an edit of item bodies alone: the last build's plan is kept and only the pages
/// the edit may change are keyed again (see `BodyEdit`); the output must still be what a clean
/// build makes, whatever came before.
@Suite struct BodyEditTests {
    static let site = Sites.valid + """

    -- site/content/news/2023-05-01-third.md --
    ---
    title: Third item
    date: 2023-05-01
    tags: [policy, courts]
    ---
    The third's lead. See [the first's details](2023-03-21-first.md#details).

    More of the third.
    -- site/content/news/2023-06-01-fourth.md --
    ---
    title: Fourth item
    date: 2023-06-01
    tags: [courts]
    ---
    The fourth's lead.

    ## Findings

    What was found.
    -- site/content/news/2023-06-10-draft.md --
    ---
    title: A draft
    date: 2023-06-10
    draft: true
    ---
    Not yet.
    """

    static func item(_ name: String, _ frontMatter: String, _ body: String) -> [String: String?] {
        ["site/content/news/\(name).md": "---\n\(frontMatter)\n---\n\(body)\n"]
    }

    static let first = "id: tag:example.org,2023-03-21:first\ntitle: First item\ndate: 2023-03-21\ntags: [policy, Romania]\nlocation: Bucharest, Romania"
    static let third = "title: Third item\ndate: 2023-05-01\ntags: [policy, courts]"
    static let fourth = "title: Fourth item\ndate: 2023-06-01\ntags: [courts]"

    typealias Step = LiveSiteTests.Step

    /// Each step, whether it is a body edit the kept plan serves, and an output file removed by
    /// hand before it.
    static let steps: [(step: Step, bodyEdit: Bool, removedByHand: String?)] = [
        (Step(description: "the first's second paragraph", write: item("2023-03-21-first", first, "The first paragraph. See [the second](2023-04-02-second/index.md) and [about](/about/).\n\n## Details\n\nOther detail.")), true, nil),
        (Step(description: "the third links into the fourth", write: item("2023-05-01-third", third, "The third's lead. See [the first's details](2023-03-21-first.md#details).\n\nAnd [the findings](2023-06-01-fourth.md#findings).")), true, nil),
        (Step(description: "the fourth's body, which the third links into", write: item("2023-06-01-fourth", fourth, "The fourth's lead.\n\n## Findings\n\nWhat was found, revised.")), true, nil),
        (Step(description: "the fourth's title", write: item("2023-06-01-fourth", "title: Fourth item, retitled\ndate: 2023-06-01\ntags: [courts]", "The fourth's lead.\n\n## Findings\n\nWhat was found, revised.")), false, nil),
        (Step(description: "the theme's card partial", write: ["themes/minimal/partials/card.mustache": "<li class=\"edited\"><a href=\"{{url}}\">{{title}}</a></li>"]), false, nil),
        (Step(description: "the third's body after the theme edit", write: item("2023-05-01-third", third, "The third's lead. See [the first's details](2023-03-21-first.md#details).\n\nAnd [the findings](2023-06-01-fourth.md#findings), again.")), true, nil),
        (Step(description: "a new item", write: item("2023-07-01-fifth", "title: Fifth\ndate: 2023-07-01\ntags: [courts]", "The fifth's lead.")), false, nil),
        (Step(description: "the new item's body", write: item("2023-07-01-fifth", "title: Fifth\ndate: 2023-07-01\ntags: [courts]", "The fifth's lead.\n\nAnd a second paragraph.")), true, nil),
        (Step(description: "the first's lead paragraph", write: item("2023-03-21-first", first, "A new first paragraph.\n\n## Details\n\nOther detail.")), false, nil),
        (Step(description: "the first's body, its page removed by hand", write: item("2023-03-21-first", first, "A new first paragraph.\n\n## Details\n\nDetail, again.")), true, "news/2023/03/first/index.html"),
        (Step(description: "the first's and the third's bodies together", write: item("2023-03-21-first", first, "A new first paragraph.\n\n## Details\n\nTogether.").merging(item("2023-05-01-third", third, "The third's lead. See [the first's details](2023-03-21-first.md#details).\n\nTogether.")) { $1 }), true, nil),
        (Step(description: "the draft's body", write: item("2023-06-10-draft", "title: A draft\ndate: 2023-06-10\ndraft: true", "Not yet, still.")), true, nil),
        (Step(description: "the draft's title", write: item("2023-06-10-draft", "title: A draft, retitled\ndate: 2023-06-10\ndraft: true", "Not yet, still.")), true, nil),
        (Step(description: "a new draft", write: item("2023-06-20-other-draft", "title: Another draft\ndate: 2023-06-20\ndraft: true", "Not yet either.")), true, nil),
        (Step(description: "the draft published", write: item("2023-06-10-draft", "title: A draft, retitled\ndate: 2023-06-10", "Not yet, still.")), false, nil),
        (Step(description: "the draft a draft again", write: item("2023-06-10-draft", "title: A draft, retitled\ndate: 2023-06-10\ndraft: true", "Not yet, still.")), false, nil),
        (Step(description: "the fourth renamed", moves: [("site/content/news/2023-06-01-fourth.md", "site/content/news/2023-06-02-fourth.md")]), false, nil),
        (Step(description: "the fourth's body after the rename", write: item("2023-06-02-fourth", "title: Fourth item, retitled\ndate: 2023-06-01\ntags: [courts]", "The fourth's lead.\n\n## Findings\n\nRenamed.")), true, nil),
        (Step(description: "the fifth deleted", write: ["site/content/news/2023-07-01-fifth.md": nil]), false, nil),
        (Step(description: "the third's body after the deletion", write: item("2023-05-01-third", third, "The third's lead. See [the first's details](2023-03-21-first.md#details).\n\nLast.")), true, nil),
    ]

    @Test func bodyEditsKeepThePlanAndEqualACleanBuild() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let live = LiveSiteTests.liveSite(site)
        #expect(live.rebuild().succeeded)
        #expect(live.rebuild(changed: []).succeeded)
        for (step, bodyEdit, removed) in Self.steps {
            if let removed { try FileManager.default.removeItem(at: site.output.appendingPathComponent(removed)) }
            try LiveSiteTests.apply(step, to: site)
            let result = live.rebuild(changed: LiveSiteTests.reported(step, in: site))
            let (clean, expected) = LiveSiteTests.cleanBuild(of: site)
            #expect(result.succeeded, "\(step): \(result.diagnostics)")
            #expect((result.editedPages != nil) == bodyEdit, "\(step)")
            #expect(result.diagnostics == clean.diagnostics, "\(step)")
            Fixtures.expectSameFiles(site.outputTree(), as: expected, "\(step)")
        }
    }

    /// A body edit keeps every file of the last build untouched since in one go: a page it
    /// cannot have changed but that was edited or removed by hand is made again, and the build
    /// counts and reports its files as one that looked at each.
    @Test func aBodyEditRemakesPagesChangedByHandAndCountsEveryFile() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let live = LiveSiteTests.liveSite(site)
        #expect(live.rebuild().succeeded)
        let handEdited = SitePlan.homeFile, handRemoved = "about/index.html"
        #expect(site.outputTree()[handRemoved] != nil)
        try Data("edited by hand".utf8).write(to: site.output.appendingPathComponent(handEdited))
        try FileManager.default.removeItem(at: site.output.appendingPathComponent(handRemoved))
        let step = Self.steps[0].step
        try LiveSiteTests.apply(step, to: site)
        let result = live.rebuild(changed: LiveSiteTests.reported(step, in: site))
        let (clean, expected) = LiveSiteTests.cleanBuild(of: site)
        #expect(result.succeeded)
        #expect(result.editedPages?.pages.isEmpty == true)
        Fixtures.expectSameFiles(site.outputTree(), as: expected, "after the hand edits")
        #expect(result.pageCount == clean.pageCount)
        #expect(result.feedCount == clean.feedCount)
        #expect(result.report.removed == 0)
        #expect(result.report.written >= 3, "the edited item's page and the two files changed by hand")
        #expect(result.report.written + result.report.unchanged == expected.count)
    }

    /// The pages keyed again: the edited item's, and those that link into it with a fragment.
    @Test func onlyTheEditedPagesAndThoseLinkingIntoThemAreKeyed() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let live = LiveSiteTests.liveSite(site)
        #expect(live.rebuild().succeeded)
        let edits = Self.steps[0].step
        try LiveSiteTests.apply(edits, to: site)
        let result = live.rebuild(changed: LiveSiteTests.reported(edits, in: site))
        let edited = try #require(result.editedPages)
        // By date, newest first: fourth, third, second, first.
        #expect(edited.items == [3, 2, 1])
        #expect(edited.pages.isEmpty)
        #expect(site.outputTree() == LiveSiteTests.cleanBuild(of: site).1)
        // The third now links into the fourth too: an edit of the fourth keys the third again,
        // and a heading it links to, gone, is the third's error as in a clean build.
        for step in Self.steps[1...2].map(\.step) {
            try LiveSiteTests.apply(step, to: site)
            #expect(live.rebuild(changed: LiveSiteTests.reported(step, in: site)).succeeded)
        }
        #expect(site.outputTree() == LiveSiteTests.cleanBuild(of: site).1)
        let good = site.outputTree()
        let gone = Step(description: "the fourth's heading renamed", write: Self.item("2023-06-01-fourth", Self.fourth, "The fourth's lead.\n\n## Results\n\nWhat was found."))
        try LiveSiteTests.apply(gone, to: site)
        let failed = live.rebuild(changed: LiveSiteTests.reported(gone, in: site))
        #expect(failed.editedPages?.items == [0, 1])
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.contains { $0.severity == .error && $0.path.hasSuffix("2023-05-01-third.md") && $0.message.contains("findings") }, "\(failed.diagnostics)")
        #expect(failed.diagnostics == LiveSiteTests.cleanBuild(of: site).0.diagnostics)
        #expect(site.outputTree() == good)
        let back = Self.steps[2].step
        try LiveSiteTests.apply(back, to: site)
        #expect(live.rebuild(changed: LiveSiteTests.reported(back, in: site)).succeeded)
        #expect(site.outputTree() == LiveSiteTests.cleanBuild(of: site).1)
    }

    /// With the search index and the sitemap split in parts, a body edit keeps the parts
    /// holding no edited item and rewrites the one that does; an edit that gives an item
    /// another item's id is an error, and taking it back is not, as in a clean build.
    @Test func splitSearchAndSitemapAndIdsAfterBodyEditsEqualACleanBuild() throws {
        let older = "title: Older item\ndate: 2022-11-01\ntags: [courts]"
        let site = try TestSite(Self.site + "\n-- site/content/news/2022-11-01-older.md --\n---\n\(older)\n---\nThe older lead.\n\nOlder words.\n")
        defer { site.delete() }
        let split: (inout GenerateOptions) -> Void = {
            $0.searchSplitAbove = 1
            $0.sitemapSplitAbove = 2
        }
        var options = LiveSiteTests.liveSite(site).options
        split(&options)
        let live = LiveSite(options: options)
        func clean() -> (BuildResult, [String: Data]) {
            var options = site.options()
            split(&options)
            options.output = site.root.appendingPathComponent("clean-split")
            options.imageCache = site.root.appendingPathComponent("clean-cache")
            defer { try? FileManager.default.removeItem(at: options.output) }
            return (Generator.build(options), Fixtures.tree(at: options.output))
        }
        #expect(live.rebuild().succeeded)
        #expect(site.outputTree()["search/2022.js"] != nil && site.outputTree()["search/2023.js"] != nil)
        let steps: [(step: Step, bodyEdit: Bool, succeeds: Bool)] = [
            (Step(description: "the third's body, a word of its own", write: Self.item("2023-05-01-third", Self.third, "The third's lead. See [the first's details](2023-03-21-first.md#details).\n\nZanzibar.")), true, true),
            (Step(description: "the older item's body", write: Self.item("2022-11-01-older", older, "The older lead.\n\nQuetzal words.")), true, true),
            (Step(description: "the third with the first's id", write: Self.item("2023-05-01-third", "id: tag:example.org,2023-03-21:first\n" + Self.third, "The third's lead.\n\nZanzibar.")), false, false),
            (Step(description: "the third's id taken back", write: Self.item("2023-05-01-third", Self.third, "The third's lead.\n\nZanzibar.")), false, true),
            (Step(description: "the fourth's body", write: Self.item("2023-06-01-fourth", Self.fourth, "The fourth's lead.\n\n## Findings\n\nXylophone.")), true, true),
        ]
        var good = site.outputTree()
        for (step, bodyEdit, succeeds) in steps {
            try LiveSiteTests.apply(step, to: site)
            let result = live.rebuild(changed: LiveSiteTests.reported(step, in: site))
            let (cleanResult, expected) = clean()
            #expect(result.succeeded == succeeds, "\(step): \(result.diagnostics)")
            #expect(cleanResult.succeeded == succeeds, "\(step)")
            #expect(result.diagnostics == cleanResult.diagnostics, "\(step)")
            guard succeeds else {
                #expect(site.outputTree() == good, "\(step)")
                continue
            }
            #expect((result.editedPages != nil) == bodyEdit, "\(step)")
            good = site.outputTree()
            #expect(good.keys.sorted() == expected.keys.sorted(), "\(step)")
            for (path, bytes) in expected where good[path] != bytes {
                Issue.record("\(step): \(path) differs from a clean build")
            }
        }
        let index = try #require(good["search/2023.js"])
        #expect(String(decoding: index, as: UTF8.self).contains("xylophon"))
    }

    /// The search terms' cache only saves later builds work: the pages are told to reload
    /// before it is written, and it is written before the next build.
    @Test func theSearchTermsAreCachedAfterThePagesReload() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        let live = LiveSiteTests.liveSite(site)
        let terms = URL(fileURLWithPath: SearchTermCache.folder(besideOutput: live.options.output)).appendingPathComponent("all.terms")
        #expect(live.rebuild().succeeded)
        let before = try Data(contentsOf: terms)
        let step = Step(description: "the third's body", write: Self.item("2023-05-01-third", Self.third, "The third's lead. See [the first's details](2023-03-21-first.md#details).\n\nZanzibar."))
        try LiveSiteTests.apply(step, to: site)
        var atReload: Data?
        let result = live.rebuild(changed: LiveSiteTests.reported(step, in: site)) { _ in atReload = try? Data(contentsOf: terms) }
        #expect(result.succeeded)
        #expect(atReload == before)
        let after = try Data(contentsOf: terms)
        #expect(after != before)
        #expect(SearchPartTerms(decoding: after) != nil)
    }

    @Test func anEditOfAnythingButTheBodyIsNotABodyEdit() throws {
        let site = try TestSite(Self.site)
        defer { site.delete() }
        var log = DiagnosticLog()
        let options = site.options()
        let loaded = try #require(SiteLoader.read(site: options.site, themes: options.themes, baseURLOverride: nil, cleanURLs: nil, log: &log))
        let publication = Publication(now: Date(timeIntervalSince1970: 1_800_000_000), includeDrafts: false, includeFuture: false)
        let plan = SitePlanner(source: loaded.source, publication: publication).plan(log: &log)
        let path = "content/news/2023-06-01-fourth.md"
        func edited(_ text: String) throws -> BodyEdit? {
            try site.write("-- site/\(path) --\n" + text)
            var reloaded = loaded
            SiteLoader.reload(&reloaded, changed: [path], log: &log)
            return BodyEdit(changed: [path], plan: plan, source: reloaded.source, publication: publication)
        }
        #expect(try edited("---\n\(Self.fourth)\n---\nThe fourth's lead.\n\nAnother body.\n")?.items.map(\.position) == [0])
        for other in [
            "---\ntitle: Retitled\ndate: 2023-06-01\ntags: [courts]\n---\nThe fourth's lead.\n",
            "---\ntitle: Fourth item\ndate: 2023-06-02\ntags: [courts]\n---\nThe fourth's lead.\n",
            "---\ntitle: Fourth item\ndate: 2023-06-01\ntags: [policy]\n---\nThe fourth's lead.\n",
            "---\n\(Self.fourth)\nsummary: Now with one.\n---\nThe fourth's lead.\n",
            "---\n\(Self.fourth)\n---\nAnother lead.\n",
            "---\n\(Self.fourth)\ndraft: true\n---\nThe fourth's lead.\n",
            "---\n\(Self.fourth)\nslug: elsewhere\n---\nThe fourth's lead.\n",
        ] {
            #expect(try edited(other) == nil, "\(other)")
        }
        // The draft is shown nowhere, before its edit or after: a body edit that changes no page.
        let draft = "content/news/2023-06-10-draft.md"
        #expect(BodyEdit(changed: [draft], plan: plan, source: loaded.source, publication: publication)?.items.isEmpty == true)
        #expect(BodyEdit(changed: [draft], plan: plan, source: loaded.source, publication: Publication(now: publication.now, includeDrafts: true, includeFuture: false)) == nil)
    }
}
