import NewsroomMustache
import NewsroomText

/// Catches at theme load what swift-mustache would silently render as nothing: a missing
/// partial or parent, an unknown transform, a misspelt variable, an unknown icon. Walks the
/// template's parsed nodes and reports each problem at its tag.
struct TemplateChecker {
    /// The transforms the renderer knows (a subset of swift-mustache's, same meaning).
    static let transforms: Set<String> = MustacheTransforms.names

    var templateNames: Set<String>
    var vocabulary: Set<String>
    var iconNames: Set<String>

    /// Checks `nodes`, the parsed `template`.
    func check(_ nodes: [MustacheNode], of template: TemplateSource, log: inout DiagnosticLog) {
        for node in nodes {
            check(node, of: template, log: &log)
        }
    }

    private func check(_ node: MustacheNode, of template: TemplateSource, log: inout DiagnosticLog) {
        func location(_ place: MustachePlace) -> SourceLocation {
            SourceLocation(path: template.displayPath, line: place.line, column: place.column)
        }
        switch node {
        case .text:
            break
        case .variable(let name, _, let place):
            checkName(name, at: location(place), log: &log)
        case .section(let name, let children, let inverted, _, let place):
            checkName(name, at: location(place), log: &log)
            if !inverted, name.text == "icon" {
                checkIcon(children, at: location(place), log: &log)
            }
            check(children, of: template, log: &log)
        case .partial(let name, let dynamic, _, _, let place):
            if !dynamic { checkTemplate(name, what: "partial", at: location(place), log: &log) }
        case .parent(let name, let dynamic, _, _, let blocks, let place):
            if !dynamic { checkTemplate(name, what: "parent layout", at: location(place), log: &log) }
            check(blocks, of: template, log: &log)
        case .block(_, let defaultNodes, _):
            check(defaultNodes, of: template, log: &log)
        }
    }

    private func checkTemplate(_ name: String, what: String, at location: SourceLocation, log: inout DiagnosticLog) {
        if !templateNames.contains(name) {
            log.error("\(what) '\(name)' not found\(Suggestion.didYouMean(name, in: Array(templateNames)))", at: location)
        }
    }

    /// Transforms outermost first, then each component of the dotted name.
    private func checkName(_ name: MustacheName, at location: SourceLocation, log: inout DiagnosticLog) {
        for transform in name.transforms.reversed() where !Self.transforms.contains(transform) {
            log.error("unknown transform '\(transform)'\(Suggestion.didYouMean(transform, in: Array(Self.transforms)))", at: location)
        }
        for component in name.path where !vocabulary.contains(component) {
            log.error("unknown variable '\(component)'\(Suggestion.didYouMean(component, in: Array(vocabulary)))", at: location)
        }
    }

    /// `{{#icon}}name{{/icon}}`: the text the section opens with must name one of the theme's icons.
    private func checkIcon(_ children: [MustacheNode], at location: SourceLocation, log: inout DiagnosticLog) {
        guard case .text(let text) = children.first else { return }
        let body = String(text.string.trimming(" \t\n"))
        guard !body.isEmpty, !iconNames.contains(body) else { return }
        let hint = Suggestion.didYouMean(body, in: Array(iconNames))
        log.error("unknown icon '\(body)'\(hint.isEmpty ? " (the theme has no such file in icons/)" : hint)", at: location)
    }
}
