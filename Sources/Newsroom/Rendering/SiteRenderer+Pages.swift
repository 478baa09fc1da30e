import NewsroomMustache

extension SiteRenderer {
    func renderPage(_ position: Int, log: inout DiagnosticLog) -> OutputFile? {
        let sourcePage = plan.pages[position]
        let file = plan.pageFiles[position]
        guard let parsed = source.bodies.parsed(sourcePage.sourcePath, contentHash: sourcePage.contentHash, log: &log) else { return nil }
        let body = content.render(parsed, sourcePath: sourcePage.sourcePath, firstLine: sourcePage.bodyFirstLine, pageFile: file, log: &log)
        var context = model.common(page: file, title: sourcePage.title, description: sourcePage.description ?? body.firstParagraph ?? "", kind: "page")
        context[.title] = sourcePage.title
        context[.content] = TemplateValue.bytes(body.htmlBytes)
        var output = page(file, layout: sourcePage.layout, context: context, requestedAt: source.folder.location(sourcePage.sourcePath), log: &log)
        output.bodyLinks = body.links
        output.bodyHeadings = body.headings
        return output
    }

    func renderNotFound(log: inout DiagnosticLog) -> OutputFile {
        let file = SitePlan.notFoundFile
        var linker = model.linker
        linker.rootRelativeBase = config.basePath
        let notFound = ViewModel(model, linker: linker)
        var context = notFound.common(page: file, title: "Page not found", description: config.description, kind: "not_found")
        context[.root] = config.basePath
        context[.assetsURL] = config.basePath + "assets/"
        context[.items] = plan.items.indices.prefix(3).map { notFound.card($0, summary: summaries[$0]) }
        return page(file, layout: "404", context: context, linker: notFound.linker, requestedAt: siteLocation, log: &log)
    }
}
