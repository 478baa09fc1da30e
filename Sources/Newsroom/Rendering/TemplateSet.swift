import NewsroomMustache
import NewsroomText

/// The theme's layouts and partials, compiled once, rendering typed view models.
// Unchecked: holds the engine's render function, which is safe from several threads at once.
struct TemplateSet: @unchecked Sendable {
    /// Renders a layout with a view model into UTF-8 bytes, with `{{#icon}}name{{/icon}}`
    /// available and links written as the function given says; the engine behind it (ours,
    /// or swift-mustache in tests).
    typealias Render = @Sendable (TemplateObject, String, @escaping (TemplateLink) -> String) -> [UInt8]

    let layoutNames: Set<String>
    /// Each layout's part of the keys of the pages made with it (see `TemplateUses`).
    let layoutKeys: [String: UInt64]
    private let renderLayout: @Sendable (PageContext, String, @escaping TemplateLinkWriter) -> [UInt8]

    /// How templates become a `TemplateSet`: the built-in engine, or another for comparison.
    enum Engine {
        case builtIn
        /// Given name → source, returns a render function for that engine.
        case custom(([String: String]) -> Render)
    }

    /// Parses every template, reporting syntax errors and name clashes at their place, then
    /// runs `TemplateChecker` over each template that parsed (both of a clashing pair).
    static func compile(_ sources: [TemplateSource], vocabulary: Set<String>, iconNames: Set<String>, engine: Engine = .builtIn, log: inout DiagnosticLog) -> TemplateSet? {
        var byName: [String: TemplateSource] = [:]
        var failed = false
        for source in sources {
            if let other = byName[source.name] {
                log.error("layout and partial '\(source.name)' clash with \(other.displayPath): rename one", at: SourceLocation(path: source.displayPath))
                failed = true
                continue
            }
            byName[source.name] = source
        }
        let texts = byName.mapValues(\.text)
        var parsed: [String: [MustacheNode]] = [:]
        for (name, source) in byName.sorted(by: { $0.key < $1.key }) {
            do throws(MustacheSyntaxError) {
                parsed[name] = try MustacheTemplateSet.parse(source.text, name: name)
            } catch {
                log.error("template syntax error: \(error.message)", at: SourceLocation(path: source.displayPath, line: error.line, column: error.column))
                failed = true
            }
        }
        let checker = TemplateChecker(templateNames: Set(byName.keys), vocabulary: vocabulary, iconNames: iconNames)
        for source in sources {
            // A template that does not parse has no nodes to check: its syntax error stands alone.
            let isClashing = byName[source.name]?.displayPath != source.displayPath
            guard let nodes = isClashing ? try? MustacheTemplateSet.parse(source.text, name: source.name) : parsed[source.name] else { continue }
            checker.check(nodes, of: source, log: &log)
        }
        guard !failed else { return nil }
        let layouts = Set(byName.values.filter { $0.kind == .layout }.map(\.name))
        let layoutKeys = TemplateUses.layoutKeys(byName, parsed: parsed)
        switch engine {
        case .builtIn:
            let set = MustacheTemplateSet(templates: texts, parsed: parsed)
            // The icon lambda sits in a frame under the page's own.
            let icons: TemplateValue = .object([.icon: MustacheSectionLambda(pure: true) { name in IconSprite.use(String(name.trimming(" \t\n"))) }])
            return TemplateSet(layoutNames: layouts, layoutKeys: layoutKeys, renderLayout: { set.renderBytes($1, contexts: $0.frames(over: icons), linkWriter: $2) })
        case .custom(let make):
            let render = make(texts)
            // Another engine takes each link as text.
            return TemplateSet(layoutNames: layouts, layoutKeys: layoutKeys, renderLayout: { context, layout, links in
                render(context.merged, layout) { $0.text(writtenBy: links) }
            })
        }
    }

    func render(_ context: PageContext, layout: String, links: @escaping TemplateLinkWriter) -> [UInt8] {
        renderLayout(context, layout, links)
    }
}
