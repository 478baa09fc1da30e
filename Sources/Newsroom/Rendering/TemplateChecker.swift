import NewsroomMustache
import NewsroomText

/// Catches at theme load what swift-mustache would silently render as nothing: a missing
/// partial or parent, an unknown transform, a misspelt variable, an unknown icon.
struct TemplateChecker {
    /// The transforms the renderer knows (a subset of swift-mustache's, same meaning).
    static let transforms: Set<String> = MustacheTransforms.names

    var templateNames: Set<String>
    var vocabulary: Set<String>
    var iconNames: Set<String>

    func check(_ template: TemplateSource, log: inout DiagnosticLog) {
        for tag in MustacheTag.scan(template.text) {
            let location = SourceLocation(path: template.displayPath, line: tag.line, column: tag.column)
            switch tag.kind {
            case .comment, .delimiters, .block, .close:
                continue
            case .partial, .parent:
                let name = tag.content
                if name.hasPrefix("*") { continue }
                if !templateNames.contains(name) {
                    let what = tag.kind == .parent ? "parent layout" : "partial"
                    log.error("\(what) '\(name)' not found\(Suggestion.didYouMean(name, in: Array(templateNames)))", at: location)
                }
            case .variable, .unescaped, .section, .inverted:
                checkName(tag.content, at: location, log: &log)
                if tag.kind == .section, tag.content == "icon" {
                    checkIcon(tag, at: location, log: &log)
                }
            }
        }
    }

    private func checkName(_ expression: String, at location: SourceLocation, log: inout DiagnosticLog) {
        var name = Substring(expression)
        while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let transform = String(name[..<open])
            if !Self.transforms.contains(transform) {
                log.error("unknown transform '\(transform)'\(Suggestion.didYouMean(transform, in: Array(Self.transforms)))", at: location)
            }
            name = name[name.index(after: open)..<name.index(before: name.endIndex)]
        }
        guard name != "." else { return }
        for component in name.split(separator: ".") where !vocabulary.contains(String(component)) {
            let word = String(component)
            log.error("unknown variable '\(word)'\(Suggestion.didYouMean(word, in: Array(vocabulary)))", at: location)
        }
    }

    private func checkIcon(_ tag: MustacheTag, at location: SourceLocation, log: inout DiagnosticLog) {
        guard let body = tag.literalBody.map { String($0.trimming(" \t\n")) }, !body.isEmpty else { return }
        if !iconNames.contains(body) {
            let hint = Suggestion.didYouMean(body, in: Array(iconNames))
            log.error("unknown icon '\(body)'\(hint.isEmpty ? " (the theme has no such file in icons/)" : hint)", at: location)
        }
    }
}
