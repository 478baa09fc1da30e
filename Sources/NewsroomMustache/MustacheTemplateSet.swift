import Foundation

/// A set of named Mustache templates (layouts and partials), parsed once and rendered many
/// times from typed view models (`TemplateValue`). Safe to render from several threads at once.
public final class MustacheTemplateSet: Sendable {
    private let sources: [String: String]
    private let programs: [String: MustacheProgram]
    /// Indented partials, overrides and lambda results, parsed and compiled on first use.
    private let cache = LockedMemo<String, MustacheProgram>()

    /// Parses every template; the first syntax error (with its template, line and column) is thrown.
    public convenience init(templates: [String: String]) throws(MustacheSyntaxError) {
        var parsed: [String: [MustacheNode]] = [:]
        for (name, source) in templates {
            parsed[name] = try Self.parse(source, name: name)
        }
        self.init(templates: templates, parsed: parsed)
    }

    /// A set of templates already parsed with `parse` (each source with its nodes).
    package init(templates: [String: String], parsed: [String: [MustacheNode]]) {
        self.sources = templates
        self.programs = parsed.mapValues(MustacheProgram.init)
    }

    /// The nodes of one template, for building a set and for reading its tags (the theme checker).
    package static func parse(_ source: String, name: String) throws(MustacheSyntaxError) -> [MustacheNode] {
        try MustacheParser.parse(source, name: name)
    }

    public var names: Set<String> { Set(programs.keys) }

    /// Renders the template `name` with `context` (Foundation-style values: `[String: Any]`,
    /// `[Any]`, `String`, …, or a `TemplateValue`) at the bottom of the context stack.
    public func render(_ name: String, context: Any) -> String {
        String(decoding: renderBytes(name, contexts: [TemplateValue(context)]), as: UTF8.self)
    }

    /// Renders the template `name` with `contexts` as the context stack (innermost last), as
    /// UTF-8 bytes; `links` makes the text of each `.link` value for this page.
    public func renderBytes(_ name: String, contexts: [TemplateValue], links: @escaping (TemplateLink) -> String = \.asWritten) -> [UInt8] {
        renderBytes(name, contexts: contexts, linkWriter: { link, write in
            var text = links(link)
            text.withUTF8(write)
        })
    }

    /// The same, with `linkWriter` handing over the bytes of each `.link` value for this page.
    public func renderBytes(_ name: String, contexts: [TemplateValue], linkWriter: @escaping TemplateLinkWriter) -> [UInt8] {
        guard let program = programs[name] else { return [] }
        return MustacheRenderer.output(of: program, set: self, contexts: contexts, links: linkWriter)
    }

    func template(_ name: String, indentation: String) -> MustacheProgram? {
        guard let program = programs[name] else { return nil }
        guard !indentation.isEmpty, let source = sources[name] else { return program }
        return cache.value("p\u{0}\(name)\u{0}\(indentation)") {
            (try? MustacheParser.parse(MustacheParser.indent(source, by: indentation), name: name)).map(MustacheProgram.init) ?? program
        }
    }

    func override(_ block: BlockOverride, indentation: String) -> MustacheProgram {
        guard !indentation.isEmpty else { return block.program }
        return cache.value("b\u{0}\(block.source)\u{0}\(indentation)") {
            (try? MustacheParser.parse(MustacheParser.indent(block.source, by: indentation), name: "block", delimiters: block.delimiters)).map(MustacheProgram.init) ?? block.program
        }
    }

    func lambdaResult(_ source: String) -> MustacheProgram {
        cache.value("l\u{0}\(source)") {
            MustacheProgram((try? MustacheParser.parse(source, name: "lambda")) ?? [.text(TemplateText(source))])
        }
    }
}
