import Foundation
import NewsroomMarkdown

/// The rendering stage: every page of the plan through its layout, plus copies.
struct SiteRenderer {
    var source: SiteSource
    var plan: SitePlan
    var templates: TemplateSet
    var icons: IconSprite
    var model: ViewModel
    var content: ContentRenderer
    /// Rendered bodies of `plan.items`, same order.
    var bodies: [RenderedBody] = []
    var summaries: [String] = []
    var about: String?

    var linker: Linker { model.linker }
    var config: SiteConfig { source.config }

    init(source: SiteSource, plan: SitePlan, templates: TemplateSet, icons: IconSprite, model: ViewModel) {
        self.source = source
        self.plan = plan
        self.templates = templates
        self.icons = icons
        self.model = model
        self.content = ContentRenderer(
            markdown: MarkdownRenderer(allowsRawHTML: source.config.allowsRawHTML),
            links: ContentLinks(index: plan.index, linker: model.linker),
            folder: source.folder
        )
    }

    /// Renders every page; problems (bad links, missing layouts) go to `log`.
    mutating func render(log: inout DiagnosticLog) -> [OutputFile] {
        renderBodies(log: &log)
        var files: [OutputFile] = []
        files.append(renderHome(log: &log))
        files += plan.items.indices.map { renderItem($0, log: &log) }
        files += plan.pages.indices.compactMap { renderPage($0, log: &log) }
        files += plan.listings.flatMap { renderListing($0, log: &log) }
        files.append(renderTagIndex(log: &log))
        files.append(renderNotFound(log: &log))
        files += renderFeeds(log: &log)
        files += renderSitemap()
        files += plan.aliases.map { AliasPage.file(at: $0.file, target: $0.target, linker: linker) }
        files += plan.copies.map { OutputFile(path: $0.outputPath, content: .copy($0.sourceURL)) }
        return files
    }

    private mutating func renderBodies(log: inout DiagnosticLog) {
        bodies = plan.items.indices.map { position in
            let item = plan.items[position]
            return content.render(item.body, sourcePath: item.sourcePath, firstLine: item.bodyFirstLine, pageFile: plan.itemFiles[position], log: &log)
        }
        summaries = plan.items.indices.map { plan.items[$0].summary ?? bodies[$0].firstParagraph ?? "" }
    }

    /// Renders `layout` with `context`, or logs that the theme lacks it.
    func page(_ file: String, layout: String, context: [String: Any], requestedAt location: SourceLocation, log: inout DiagnosticLog) -> OutputFile {
        guard templates.layoutNames.contains(layout) else {
            log.error(
                "layout '\(layout)' not found in theme '\(source.theme.name)' or the site's layouts/\(Suggestion.didYouMean(layout, in: Array(templates.layoutNames)))",
                at: location
            )
            return .text(file, "")
        }
        return .text(file, icons.embed(in: templates.render(context, layout: layout)))
    }

    var siteLocation: SourceLocation { source.folder.location("site.yml") }
}
