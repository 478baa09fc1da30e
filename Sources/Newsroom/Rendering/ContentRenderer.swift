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
    /// `firstParagraph` only when `findingFirstParagraph`. The URLs of raw HTML (when the site
    /// allows it) go through the same resolution as Markdown links.
    func render(_ body: String, sourcePath: String, firstLine: Int, pageFile: String, absolute: Bool = false, findingFirstParagraph: Bool = false, log: inout DiagnosticLog) -> RenderedBody {
        var problems: [Diagnostic] = []
        func resolve(_ destination: String, isImage: Bool, line: Int, column: Int) -> LinkResolution {
            let (resolution, problem) = links.link(destination, isImage: isImage, sourcePath: sourcePath, pageFile: pageFile, absolute: absolute)
            if let problem {
                let location = folder.location(sourcePath, line: firstLine + line - 1, column: column)
                problems.append(resolution == .drop ? .warning(problem, at: location) : .error(problem, at: location))
            }
            return resolution
        }
        let rendered = markdown.render(
            body,
            findingFirstParagraph: findingFirstParagraph,
            resolve: { reference in
                resolve(reference.destination, isImage: reference.isImage, line: reference.line, column: reference.column)
            },
            rewriteRawHTML: { node in
                RawHTMLLinks.rewrite(node.literal) { url, isImage, offset in
                    let (line, column) = node.position(ofByte: offset)
                    return resolve(url, isImage: isImage, line: line, column: column)
                }
            }
        )
        log.add(contentsOf: problems)
        return RenderedBody(htmlBytes: rendered.htmlBytes, firstParagraph: rendered.firstParagraph, anchors: rendered.anchors)
    }
}
