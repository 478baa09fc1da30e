import Foundation
import Synchronization
import Testing
@testable import NewsroomMustache

/// A partial call is copied from an earlier one only when everything it read from outside
/// itself is the same; otherwise it renders, and output always equals a fresh render.
@Suite struct PartialMemoTests {
    static let site: TemplateObject = [TemplateKey("name"): "Northwind", TemplateKey("tagline"): "News & notes"]

    static func page(_ title: String, site: TemplateObject = site, extra: [(String, TemplateValue)] = []) -> TemplateValue {
        var object: TemplateObject = [TemplateKey("site"): site, TemplateKey("title"): title]
        for (key, value) in extra { object[TemplateKey(key)] = value }
        return .object(object)
    }

    static func render(_ set: MustacheTemplateSet, _ context: TemplateValue, links: @escaping (TemplateLink) -> String = { $0.target }) -> String {
        String(decoding: set.renderBytes("page", contexts: [context], links: links), as: UTF8.self)
    }

    /// `render`, checked against the same templates rendered by a set that has seen nothing
    /// before (so copies it made from earlier pages cannot hide a wrong one).
    static func renderChecked(_ set: MustacheTemplateSet, _ templates: [String: String], _ context: TemplateValue, links: @escaping (TemplateLink) -> String = { $0.target }) throws -> String {
        let output = render(set, context, links: links)
        #expect(output == render(try MustacheTemplateSet(templates: templates), context, links: links))
        return output
    }

    @Test func chromeReadingSharedValuesFollowsTheSite() throws {
        let templates = ["page": "<h1>{{title}}</h1>{{> footer}}", "footer": "<footer>{{site.name}} – {{site.tagline}}</footer>"]
        let set = try MustacheTemplateSet(templates: templates)
        for title in ["A", "B", "C", "D"] {
            #expect(try Self.renderChecked(set, templates, Self.page(title)) == "<h1>\(title)</h1><footer>Northwind – News &amp; notes</footer>")
        }
        // Another site object, after pages that all showed the first one.
        let other: TemplateObject = [TemplateKey("name"): "Southwind", TemplateKey("tagline"): "x"]
        #expect(try Self.renderChecked(set, templates, Self.page("E", site: other)) == "<h1>E</h1><footer>Southwind – x</footer>")
    }

    @Test func partialReadingThePageItselfFollowsIt() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> head}}", "head": "<title>{{title}} | {{site.name}}</title>"])
        #expect(Self.render(set, Self.page("One")) == "<title>One | Northwind</title>")
        #expect(Self.render(set, Self.page("Two")) == "<title>Two | Northwind</title>")
        #expect(Self.render(set, Self.page("One")) == "<title>One | Northwind</title>")
    }

    @Test func namesMissingInASectionFallThroughAndAreCompared() throws {
        // Inside {{#site}}, `title` is not the site's: it falls through to the page's.
        let set = try MustacheTemplateSet(templates: ["page": "{{> p}}", "p": "{{#site}}{{name}}/{{title}}{{/site}}"])
        #expect(Self.render(set, Self.page("A")) == "Northwind/A")
        #expect(Self.render(set, Self.page("B")) == "Northwind/B")
        #expect(Self.render(set, Self.page("A")) == "Northwind/A")
    }

    @Test func missesStayMissesUntilTheValueAppears() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> p}}", "p": "[{{#note}}{{note}}{{/note}}]"])
        #expect(Self.render(set, Self.page("A")) == "[]")
        #expect(Self.render(set, Self.page("A", extra: [("note", .text("hi"))])) == "[hi]")
        #expect(Self.render(set, Self.page("B")) == "[]")
    }

    @Test func linksImpureLambdasAndBlocksAreNeverCopied() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> p}}", "p": "<a href=\"{{url}}\">{{#shout}}x{{/shout}}</a>"])
        let counter = Counter()
        let shout = MustacheSectionLambda { "\($0)\(counter.next())" }
        let context = Self.page("A", extra: [("url", .link(TemplateLink("a/"))), ("shout", .lambda(shout))])
        #expect(Self.render(set, context) == "<a href=\"a/\">x0</a>")
        #expect(Self.render(set, context, links: { "../" + $0.target }) == "<a href=\"../a/\">x1</a>")
        #expect(Self.render(set, context) == "<a href=\"a/\">x2</a>")

        let blocks = try MustacheTemplateSet(templates: ["page": "{{<frame}}{{$body}}{{title}}{{/body}}{{/frame}}", "frame": "({{> inner}})", "inner": "{{$body}}default{{/body}}"])
        #expect(Self.render(blocks, Self.page("A")) == "(A)")
        #expect(Self.render(blocks, Self.page("B")) == "(B)")
    }

    @Test func pureLambdasAreInputsLikeValues() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> p}}", "p": "{{#icon}}rss{{/icon}}"])
        let one = MustacheSectionLambda(pure: true) { "<svg>\($0)</svg>" }
        let two = MustacheSectionLambda(pure: true) { "<img>\($0)</img>" }
        #expect(Self.render(set, Self.page("A", extra: [("icon", .lambda(one))])) == "<svg>rss</svg>")
        #expect(Self.render(set, Self.page("B", extra: [("icon", .lambda(one))])) == "<svg>rss</svg>")
        #expect(Self.render(set, Self.page("C", extra: [("icon", .lambda(two))])) == "<img>rss</img>")
        #expect(Self.render(set, Self.page("D", extra: [("icon", .lambda(one))])) == "<svg>rss</svg>")
    }

    /// A partial that reads the page's own values renders right on every page, however many,
    /// and one that reads shared values beside it still follows them.
    @Test func partialsReadingEachPageRenderRightOnManyPages() throws {
        let templates = ["page": "{{> own}}|{{> shared}}", "own": "{{title}}", "shared": "{{site.name}}"]
        let set = try MustacheTemplateSet(templates: templates)
        for index in 0..<100 {
            let site: TemplateObject = index < 80 ? Self.site : [TemplateKey("name"): "Later"]
            #expect(try Self.renderChecked(set, templates, Self.page("t\(index)", site: site)) == "t\(index)|\(index < 80 ? "Northwind" : "Later")")
        }
    }

    /// Objects and lists the pages share are compared by their storage first: a copy changed
    /// after a page showed it, or another list of as many elements, still renders as itself.
    @Test func sharedStorageAndChangedCopiesRenderAsThemselves() throws {
        let templates = ["page": "{{> nav}}", "nav": "{{#site.links}}[{{name}}]{{/site.links}}{{site.name}}"]
        let set = try MustacheTemplateSet(templates: templates)
        let links: [TemplateObject] = [[TemplateKey("name"): "a"], [TemplateKey("name"): "b"]]
        var site = Self.site
        site[TemplateKey("links")] = links
        for title in ["A", "B", "C"] {
            #expect(try Self.renderChecked(set, templates, Self.page(title, site: site)) == "[a][b]Northwind")
        }
        var renamed = site
        renamed[TemplateKey("name")] = "Southwind"
        #expect(try Self.renderChecked(set, templates, Self.page("D", site: renamed)) == "[a][b]Southwind")
        var relinked = site
        relinked[TemplateKey("links")] = [[TemplateKey("name"): "a"], [TemplateKey("name"): "c"]] as [TemplateObject]
        #expect(try Self.renderChecked(set, templates, Self.page("E", site: relinked)) == "[a][c]Northwind")
        #expect(try Self.renderChecked(set, templates, Self.page("F", site: site)) == "[a][b]Northwind")
    }

    @Test func nestedPartialsPassTheirReadsOut() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> outer}}", "outer": "<{{> inner}}>", "inner": "{{site.name}}:{{title}}"])
        #expect(Self.render(set, Self.page("A")) == "<Northwind:A>")
        #expect(Self.render(set, Self.page("A")) == "<Northwind:A>")
        #expect(Self.render(set, Self.page("B")) == "<Northwind:B>")
    }
}

private final class Counter: Sendable {
    private let count = Mutex(0)
    func next() -> Int { count.withLock { value in defer { value += 1 }; return value } }
}
