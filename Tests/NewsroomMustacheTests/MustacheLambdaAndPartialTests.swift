import Foundation
import Testing
@testable import NewsroomMustache

/// Lambdas and partials as the renderer short-cuts them: a lambda result without a tag is
/// written as it is, and a partial tag keeps what it expands to after its first use.
@Suite struct MustacheLambdaAndPartialTests {
    @Test func lambdaResultWithoutTagIsWrittenAsItIs() throws {
        let set = try MustacheTemplateSet(templates: ["page": "[{{#wrap}}x{{/wrap}}]"])
        let wrap = MustacheSectionLambda { "<b a=\"{" + $0 + "}\">}{ & </b>" }
        #expect(set.render("page", context: ["wrap": wrap]) == "[<b a=\"{x}\">}{ & </b>]")
    }

    @Test func lambdaResultWithTagIsRenderedInTheCurrentContext() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{#items}}{{#wrap}}{{/wrap}};{{/items}}"])
        let wrap = MustacheSectionLambda { _ in "<{{name}}>" }
        let items: [[String: Any]] = [["name": "a&b"], ["name": "c"]]
        #expect(set.render("page", context: ["wrap": wrap, "items": items]) == "<a&amp;b>;<c>;")
    }

    /// A pure lambda runs once per text; an impure one every time.
    @Test func pureLambdasRunOncePerText() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{#f}}a{{/f}}{{#f}}b{{/f}}{{#f}}a{{/f}}|{{#g}}a{{/g}}{{#g}}a{{/g}}"])
        let calls = Counter()
        let pure = MustacheSectionLambda(pure: true) { text in "<\(text)\(calls.next())>" }
        let impure = MustacheSectionLambda { text in "[\(text)\(calls.next())]" }
        #expect(set.render("page", context: ["f": pure, "g": impure]) == "<a0><b1><a0>|[a2][a3]")
        #expect(set.render("page", context: ["f": pure, "g": impure]) == "<a0><b1><a0>|[a4][a5]")
    }

    @Test func mayHoldTagFindsOnlyTwoOpeningBraces() {
        #expect(!MustacheRenderer.mayHoldTag(""))
        #expect(!MustacheRenderer.mayHoldTag("{ } }} {x{"))
        #expect(MustacheRenderer.mayHoldTag("a{{"))
        #expect(MustacheRenderer.mayHoldTag("{{{x}}}"))
    }

    @Test func indentedPartialInAListRendersEachElement() throws {
        let set = try MustacheTemplateSet(templates: [
            "page": "<ul>\n  {{#items}}\n  {{> item}}\n  {{/items}}\n</ul>\n",
            "item": "<li>{{name}}</li>\n{{> tail}}\n",
            "tail": "<i>{{name}}</i>\n",
        ])
        let items: [[String: Any]] = [["name": "one"], ["name": "two"]]
        let expected = "<ul>\n  <li>one</li>\n  <i>one</i>\n  <li>two</li>\n  <i>two</i>\n</ul>\n"
        #expect(set.render("page", context: ["items": items]) == expected)
        // Second render: the expansions kept from the first give the same text.
        #expect(set.render("page", context: ["items": items]) == expected)
    }

    @Test func onePartialAtTwoIndentationsKeepsBoth() throws {
        let set = try MustacheTemplateSet(templates: [
            "page": "a\n  {{> p}}\nb\n    {{> p}}\n",
            "p": "x\ny\n",
        ])
        #expect(set.render("page", context: [String: Any]()) == "a\n  x\n  y\nb\n    x\n    y\n")
    }

    @Test func dynamicPartialFollowsTheContext() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{#items}}{{>*kind}}{{/items}}", "a": "A{{n}}", "b": "B{{n}}"])
        let items: [[String: Any]] = [["kind": "a", "n": 1], ["kind": "b", "n": 2], ["kind": "a", "n": 3]]
        #expect(set.render("page", context: ["items": items]) == "A1B2A3")
    }

    /// A link is written by the render call's function, escaped like text, in sections too;
    /// the same view model gives each page its own links.
    @Test func linksAreWrittenForThePageBeingRendered() throws {
        let set = try MustacheTemplateSet(templates: ["page": "<a href=\"{{url}}\">{{{url}}}</a>{{#url}}[{{.}}]{{/url}}{{#items}} {{url}}{{/items}}"])
        var object = TemplateObject()
        object[.init("url")] = TemplateLink("a/b", suffix: "?x&y")
        object[.init("items")] = [[TemplateKey("url"): TemplateLink("c")] as TemplateObject]
        let fromRoot = set.renderBytes("page", contexts: [.object(object)]) { $0.target + $0.suffix }
        #expect(String(decoding: fromRoot, as: UTF8.self) == "<a href=\"a/b?x&amp;y\">a/b?x&y</a>[a/b?x&amp;y] c")
        let fromDeeper = set.renderBytes("page", contexts: [.object(object)]) { "../" + $0.target + $0.suffix }
        #expect(String(decoding: fromDeeper, as: UTF8.self) == "<a href=\"../a/b?x&amp;y\">../a/b?x&y</a>[../a/b?x&amp;y] ../c")
        let foundation = object.foundationValue(links: { "/" + $0.target })
        #expect(foundation["url"] as? String == "/a/b")
        #expect((foundation["items"] as? [Any])?.first.flatMap { ($0 as? [String: Any])?["url"] as? String } == "/c")
    }

    /// A link writer hands a link over in pieces; each is escaped where the tag escapes, and a
    /// section gets the pieces joined.
    @Test func linkWritersHandOverPieces() throws {
        let set = try MustacheTemplateSet(templates: ["page": "{{url}}|{{{url}}}|{{#url}}{{.}}{{/url}}"])
        var object = TemplateObject()
        object[.init("url")] = TemplateLink("a&'b", suffix: "?x<y")
        let output = set.renderBytes("page", contexts: [.object(object)], linkWriter: { link, write in
            for piece in ["../", link.target, link.suffix] {
                var piece = piece
                piece.withUTF8(write)
            }
        })
        #expect(String(decoding: output, as: UTF8.self) == "../a&amp;&#39;b?x&lt;y|../a&'b?x<y|../a&amp;&#39;b?x&lt;y")
    }

    @Test func rendersFromManyThreadsAlike() throws {
        let set = try MustacheTemplateSet(templates: [
            "page": "{{#items}}\n  {{> card}}\n{{/items}}",
            "card": "<p>{{#icon}}x{{/icon}}{{title}}</p>\n",
        ])
        let icon = MustacheSectionLambda { "<svg>\($0)</svg>" }
        let titles = (0..<50).map { "t\($0)" }
        let context: @Sendable () -> [String: Any] = { ["items": titles.map { ["title": $0] }, "icon": icon] }
        let expected = set.render("page", context: context())
        let results = ResultBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.set(index, set.render("page", context: context()))
        }
        #expect(results.all.allSatisfy { $0 == expected })
        #expect(expected.hasPrefix("  <p><svg>x</svg>t0</p>\n  <p><svg>x</svg>t1</p>\n"))
    }
}

private final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { defer { count += 1 }; return count } }
}

private final class ResultBox: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
    var all: [String] { lock.withLock { values } }
}
