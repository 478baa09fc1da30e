import Foundation
import NewsroomMustache
import Synchronization
import Testing
@testable import Newsroom

/// A page's key holds its own layout's templates (the layout, its parent, their partials), not
/// the whole theme's: an edit of one layout or partial renders again only the pages made with
/// it, and the others are kept.
@Suite struct LayoutKeyTests {
    static func template(_ name: String, _ kind: TemplateSource.Kind, _ text: String) -> TemplateSource {
        TemplateSource(name: name, kind: kind, text: text, displayPath: "themes/t/\(kind == .layout ? "layouts" : "partials")/\(name).mustache")
    }

    static func keys(_ templates: [TemplateSource]) throws -> [String: UInt64] {
        let byName = Dictionary(uniqueKeysWithValues: templates.map { ($0.name, $0) })
        let parsed = try byName.mapValues { try MustacheTemplateSet.parse($0.text, name: $0.name) }
        return TemplateUses.layoutKeys(byName, parsed: parsed)
    }

    static let theme = [
        template("base", .layout, "<head>{{> head}}</head><main>{{$main}}{{/main}}</main>"),
        template("item", .layout, "{{<base}}{{$main}}<h1>{{title}}</h1>{{#icon}}star{{/icon}}{{/main}}{{/base}}"),
        template("list", .layout, "{{<base}}{{$main}}{{#items}}{{> card}}{{/items}}{{/main}}{{/base}}"),
        template("page", .layout, "{{<base}}{{$main}}{{#show}}{{> note}}{{/show}}{{/main}}{{/base}}"),
        template("head", .partial, "<title>{{title}}</title>"),
        template("card", .partial, "<li>{{title}}</li>"),
        template("note", .partial, "<p>{{> card}}</p>"),
    ]

    /// The theme with the template `name`'s text changed.
    static func edited(_ name: String, in theme: [TemplateSource] = theme) -> [TemplateSource] {
        theme.map { $0.name == name ? template($0.name, $0.kind, $0.text + "<!-- edited -->") : $0 }
    }

    @Test func aLayoutIsKeyedByTheTemplatesItReaches() throws {
        let before = try Self.keys(Self.theme)
        #expect(Set(before.keys) == ["base", "item", "list", "page"])
        // What each edit changes: the layout itself, the layouts that fill it, or that include
        // the partial, directly, through their parent, or through another partial or a section.
        let expected: [String: Set<String>] = [
            "item": ["item"], "base": ["base", "item", "list", "page"], "head": ["base", "item", "list", "page"],
            "card": ["list", "page"], "note": ["page"], "list": ["list"],
        ]
        for (name, changed) in expected {
            let after = try Self.keys(Self.edited(name))
            #expect(Set(before.keys.filter { before[$0] != after[$0] }) == changed, "\(name)")
        }
        // A template that no layout reaches changes no key; a partial that a layout names but
        // the theme lacks is keyed by its name, so adding it changes that layout's key.
        #expect(try Self.keys(Self.theme + [Self.template("unused", .partial, "x")]) == before)
        let missing = Self.theme + [Self.template("extra", .layout, "{{> later}}")]
        let withLater = try Self.keys(missing + [Self.template("later", .partial, "x")])
        #expect(try Self.keys(missing)["extra"] != withLater["extra"])
    }

    @Test func aDynamicPartialKeysItsLayoutWithEveryTemplate() throws {
        let theme = Self.theme + [Self.template("any", .layout, "{{>*which}}")]
        let before = try Self.keys(theme)
        let after = try Self.keys(Self.edited("card", in: theme + [Self.template("unused", .partial, "x")]))
        #expect(before["any"] != after["any"])
        #expect(before["item"] == after["item"])
    }

    /// Counts the pages rendered with each layout, through the built-in engine.
    final class Renders: Sendable {
        let counts = Mutex<[String: Int]>([:])

        func take() -> [String: Int] {
            counts.withLock { counts in
                defer { counts = [:] }
                return counts
            }
        }

        var engine: TemplateSet.Engine {
            .custom { sources in
                let set = try! MustacheTemplateSet(templates: sources)
                let icons: TemplateValue = .object([.icon: MustacheSectionLambda(pure: true) { IconSprite.use(String($0.trimming(" \t\n"))) }])
                return { [self] context, layout, links in
                    counts.withLock { $0[layout, default: 0] += 1 }
                    return set.renderBytes(layout, contexts: [icons, .object(context)], links: links)
                }
            }
        }
    }

    @Test func anEditRendersAgainOnlyThePagesOfTheLayoutsItReaches() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let renders = Renders()
        var memory: IncrementalState?
        #expect(Generator.build(site.options(), engine: renders.engine, memory: &memory).succeeded)
        #expect(renders.take()["item"] == 2)
        let edits: [(path: String, layouts: Set<String>)] = [
            ("themes/minimal/layouts/item.mustache", ["item"]),
            ("themes/minimal/partials/card.mustache", ["home", "list"]),
            ("themes/minimal/layouts/base.mustache", ["home", "item", "list", "page", "tags", "404"]),
        ]
        for (path, layouts) in edits {
            let file = site.root.appendingPathComponent(path)
            try (String(contentsOf: file, encoding: .utf8) + "<!-- edited -->\n").write(to: file, atomically: true, encoding: .utf8)
            let result = Generator.build(site.options(), engine: renders.engine, memory: &memory)
            #expect(result.succeeded, "\(result.diagnostics)")
            #expect(Set(renders.take().keys) == layouts, "\(path)")
            #expect(site.outputTree() == LiveSiteTests.cleanBuild(of: site).1, "\(path)")
        }
    }
}
