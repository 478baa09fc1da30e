import NewsroomMarkdown

/// A Markdown body rendered for one page.
struct RenderedBody: Sendable {
    /// The HTML as UTF-8: item pages and pages put it in as it is (see `TemplateValue.bytes`).
    var htmlBytes: [UInt8]
    var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    var firstParagraph: String?
    var anchors: [String]
}

/// Renders Markdown bodies with their links resolved, reporting each bad link at its line.
struct ContentRenderer: Sendable {
    var markdown: MarkdownRenderer
    var links: ContentLinks
    var folder: SourceFolder

    /// Renders `body` written in `sourcePath` (first body line `firstLine`) for the page at `pageFile`;
    /// `firstParagraph` only when `findingFirstParagraph`.
    func render(_ body: String, sourcePath: String, firstLine: Int, pageFile: String, absolute: Bool = false, findingFirstParagraph: Bool = false, log: inout DiagnosticLog) -> RenderedBody {
        var problems: [Diagnostic] = []
        let rendered = markdown.render(body, findingFirstParagraph: findingFirstParagraph) { reference in
            let (resolution, problem) = links.link(
                reference.destination, isImage: reference.isImage, sourcePath: sourcePath, pageFile: pageFile, absolute: absolute
            )
            if let problem {
                let location = folder.location(sourcePath, line: firstLine + reference.line - 1, column: reference.column)
                problems.append(resolution == .drop ? .warning(problem, at: location) : .error(problem, at: location))
            }
            return resolution
        }
        for code in rendered.templateCode {
            let location = folder.location(sourcePath, line: firstLine + code.line - 1, column: code.column)
            problems.append(.warning(Self.message(for: code), at: location))
        }
        log.add(contentsOf: problems)
        return RenderedBody(htmlBytes: rendered.htmlBytes, firstParagraph: rendered.firstParagraph, anchors: rendered.anchors)
    }

    /// `Liquid tag '{% include x.html %}' is left from another generator; it is shown as text`,
    /// the construct on one line (its spaces and line breaks run together), cut when long.
    static func message(for code: TemplateCode) -> String {
        let name = switch code.kind {
        case .liquidTag: "Liquid tag"
        case .hugoShortcode: "Hugo shortcode"
        case .templateExpression: "template expression"
        }
        var text = code.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
        if text.count > 80 { text = text.prefix(79) + "…" }
        return "\(name) '\(text)' is left from another generator; it is shown as text"
    }
}
