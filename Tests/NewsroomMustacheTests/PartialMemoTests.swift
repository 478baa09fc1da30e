import Foundation
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

    /// The memo of the first partial tag in `page`.
    static func memo(_ set: MustacheTemplateSet) -> PartialMemo? {
        func find(_ nodes: [MustacheNode]) -> PartialMemo? {
            for node in nodes {
                switch node {
                case .partial(_, _, _, let slot): return slot.memo
                case .section(_, let children, _, _): if let found = find(children) { return found }
                default: continue
                }
            }
            return nil
        }
        return set.parsedForTests("page").flatMap(find)
    }

    @Test func chromeReadingSharedValuesIsCopied() throws {
        let set = try MustacheTemplateSet(templates: ["page": "<h1>{{title}}</h1>{{> footer}}", "footer": "<footer>{{site.name}} – {{site.tagline}}</footer>"])
        for title in ["A", "B", "C", "D"] {
            #expect(Self.render(set, Self.page(title)) == "<h1>\(title)</h1><footer>Northwind – News &amp; notes</footer>")
        }
        #expect(Self.memo(set)?.counts.hits == 3)
        // Another site object (even with equal text) is another input: rendered, and right.
        let other: TemplateObject = [TemplateKey("name"): "Southwind", TemplateKey("tagline"): "x"]
        #expect(Self.render(set, Self.page("E", site: other)) == "<h1>E</h1><footer>Southwind – x</footer>")
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
        #expect(Self.memo(set)?.counts.hits == 0)

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
        #expect(Self.memo(set)?.counts.hits == 1)
    }

    @Test func aPartialThatAlwaysMissesStopsBeingRecorded() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> p}}", "p": "{{title}}"])
        for index in 0..<(PartialMemo.missesBeforeGivingUp + 5) {
            #expect(Self.render(set, Self.page("t\(index)")) == "t\(index)")
        }
        #expect(Self.memo(set)?.isActive == false)
        #expect(Self.memo(set)?.counts.misses == PartialMemo.missesBeforeGivingUp)
    }

    @Test func nestedPartialsPassTheirReadsOut() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{> outer}}", "outer": "<{{> inner}}>", "inner": "{{site.name}}:{{title}}"])
        #expect(Self.render(set, Self.page("A")) == "<Northwind:A>")
        #expect(Self.render(set, Self.page("A")) == "<Northwind:A>")
        #expect(Self.render(set, Self.page("B")) == "<Northwind:B>")
    }
}

private final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { defer { count += 1 }; return count } }
}
