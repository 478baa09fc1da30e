import NewsroomMustache

/// Which templates a page made with each layout may use: the layout, the parent layouts it
/// fills and every partial any of them includes, followed to the end. A page's key holds only
/// its layout's templates, so an edit of one layout or partial renders again only the pages
/// that use it.
enum TemplateUses {
    /// Each layout's templates hashed (name, kind, path and text), by layout name. A dynamic
    /// partial or parent may name any template at render time: a layout that reaches one is
    /// keyed with all of them. A name that no template has is keyed by name, so adding that
    /// template changes the key.
    static func layoutKeys(_ templates: [String: TemplateSource], parsed: [String: [MustacheNode]]) -> [String: UInt64] {
        var named: [String: (names: Set<String>, dynamic: Bool)] = [:]
        for (name, nodes) in parsed {
            var found = (names: Set<String>(), dynamic: false)
            collect(nodes, into: &found)
            named[name] = found
        }
        var keys: [String: UInt64] = [:]
        for (name, template) in templates where template.kind == .layout {
            var reached: Set<String> = [name]
            var open = [name]
            var dynamic = false
            while let next = open.popLast() {
                guard let uses = named[next] else { continue }
                dynamic = dynamic || uses.dynamic
                for other in uses.names where reached.insert(other).inserted { open.append(other) }
            }
            if dynamic { reached.formUnion(templates.keys) }
            var hasher = KeyHasher()
            for other in reached.sorted() {
                hasher.combine(other)
                if let source = templates[other] {
                    hasher.combine(source.kind.rawValue + "/" + source.displayPath)
                    hasher.combine(source.text)
                } else {
                    hasher.combine(false)
                }
            }
            keys[name] = hasher.value
        }
        return keys
    }

    /// The names of the partials and parents `nodes` include, and whether one is dynamic. A
    /// section's inner nodes count even when it is a lambda (`{{#icon}}`): its result is
    /// rendered as a template.
    private static func collect(_ nodes: [MustacheNode], into found: inout (names: Set<String>, dynamic: Bool)) {
        for node in nodes {
            switch node {
            case .text, .variable:
                break
            case .section(_, let children, _, _, _):
                collect(children, into: &found)
            case .partial(let name, let dynamic, _, _, _):
                if dynamic { found.dynamic = true } else { found.names.insert(name) }
            case .parent(let name, let dynamic, _, _, let blocks, _):
                // The blocks as written hold what the overrides render.
                if dynamic { found.dynamic = true } else { found.names.insert(name) }
                collect(blocks, into: &found)
            case .block(_, let defaultNodes, _):
                collect(defaultNodes, into: &found)
            }
        }
    }
}
