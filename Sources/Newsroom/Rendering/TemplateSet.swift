import Mustache

/// The theme's layouts and partials compiled once with swift-mustache.
struct TemplateSet: @unchecked Sendable {
    private let library: MustacheLibrary
    let layoutNames: Set<String>

    /// Compiles every template, reporting syntax errors and name clashes at their place,
    /// then runs `TemplateChecker` over each.
    static func compile(_ sources: [TemplateSource], vocabulary: Set<String>, iconNames: Set<String>, log: inout DiagnosticLog) -> TemplateSet? {
        var library = MustacheLibrary()
        var names: [String: TemplateSource] = [:]
        var layouts: Set<String> = []
        var failed = false
        for source in sources {
            if let other = names[source.name] {
                log.error("layout and partial '\(source.name)' clash with \(other.displayPath): rename one", at: SourceLocation(path: source.displayPath))
                failed = true
                continue
            }
            names[source.name] = source
            if source.kind == .layout { layouts.insert(source.name) }
            do {
                library.register(try MustacheTemplate(string: source.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                log.error("template syntax error: \(describe(error.error))", at: SourceLocation(
                    path: source.displayPath, line: error.context.lineNumber, column: error.context.columnNumber
                ))
                failed = true
            } catch {
                log.error("template syntax error: \(error)", at: SourceLocation(path: source.displayPath))
                failed = true
            }
        }
        let checker = TemplateChecker(templateNames: Set(names.keys), vocabulary: vocabulary, iconNames: iconNames)
        for source in sources {
            checker.check(source, log: &log)
        }
        return failed ? nil : TemplateSet(library: library, layoutNames: layouts)
    }

    func render(_ context: [String: Any], layout: String) -> String {
        library.render(context, withTemplate: layout) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "the closing tag does not match the open section"
        case .unfinishedName?: return "a tag is not closed"
        case .expectedSectionEnd?: return "a section is never closed"
        case .invalidSetDelimiter?: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection?: return "only blocks may stand inside a parent-layout tag"
        case .textInsideInheritSection?: return "only blocks may stand inside a parent-layout tag"
        default: return "\(error)"
        }
    }
}
