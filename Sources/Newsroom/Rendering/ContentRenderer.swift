import NewsroomMarkdown

/// A Markdown body rendered for one page.
struct RenderedBody: Sendable {
    /// The HTML as UTF-8: item pages and pages put it in as it is (see `TemplateValue.bytes`).
    var htmlBytes: [UInt8]
    var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    var firstParagraph: String?
    var anchors: [String]
    /// Each link and image as written into the HTML → where the Markdown wrote it.
    var links: [String: SourceLocation] = [:]
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
        var written: [String: SourceLocation] = [:]
        let rendered = markdown.render(body, findingFirstParagraph: findingFirstParagraph) { reference in
            let (resolution, problem) = links.link(
                reference.destination, isImage: reference.isImage, sourcePath: sourcePath, pageFile: pageFile, absolute: absolute
            )
            let location = folder.location(sourcePath, line: firstLine + reference.line - 1, column: reference.column)
            if let problem {
                problems.append(resolution == .drop ? .warning(problem, at: location) : .error(problem, at: location))
            }
            switch resolution {
            case .keep: written[reference.destination] = written[reference.destination] ?? location
            case .replace(let url): written[url] = written[url] ?? location
            case .drop: break
            }
            return resolution
        }
        log.add(contentsOf: problems)
        return RenderedBody(htmlBytes: rendered.htmlBytes, firstParagraph: rendered.firstParagraph, anchors: rendered.anchors, links: written)
    }
}
