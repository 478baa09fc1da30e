import Foundation
import NewsroomMarkdown

/// The rendering stage: every page of the plan through its layout, plus copies.
struct SiteRenderer: @unchecked Sendable {
    var source: SiteSource
    var plan: SitePlan
    var templates: TemplateSet
    var icons: IconSprite
    var model: ViewModel
    var content: ContentRenderer
    /// Each item's summary: its own, or its first paragraph.
    var summaries: [String] = []
    /// The site's "About" boilerplate rendered once per folder depth.
    let aboutCache = AboutCache()

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

    /// One unit of work; the units run on all cores.
    enum Job {
        case home, tagIndex, notFound, feeds, sitemap
        case item(Int)
        case page(Int)
        case listingPage(Int, page: Int)
        case alias(Int)
        case copy(Int)
    }

    var jobs: [Job] {
        var jobs: [Job] = [.home, .tagIndex, .notFound, .feeds, .sitemap]
        jobs += plan.items.indices.map { .item($0) }
        jobs += plan.pages.indices.map { .page($0) }
        for (index, listing) in plan.listings.enumerated() {
            jobs += (1...listing.pageCount(perPage: config.perPage)).map { .listingPage(index, page: $0) }
        }
        jobs += plan.aliases.indices.map { .alias($0) }
        jobs += plan.copies.indices.map { .copy($0) }
        return jobs
    }

    func run(_ job: Job, listings: [Listing], log: inout DiagnosticLog) -> [OutputFile] {
        switch job {
        case .home: return [renderHome(log: &log)]
        case .tagIndex: return [renderTagIndex(log: &log)]
        case .notFound: return [renderNotFound(log: &log)]
        case .feeds: return renderFeeds(log: &log)
        case .sitemap: return renderSitemap()
        case .item(let position): return [renderItem(position, log: &log)]
        case .page(let position): return renderPage(position, log: &log).map { [$0] } ?? []
        case .listingPage(let index, let number): return [renderListingPage(listings[index], number: number, log: &log)]
        case .alias(let index): return [AliasPage.file(at: plan.aliases[index].file, target: plan.aliases[index].target, linker: linker)]
        case .copy(let index): return [OutputFile(path: plan.copies[index].outputPath, content: .copy(plan.copies[index].sourceURL))]
        }
    }

    /// Renders every page on all cores, handing each file to `stage` as soon as it is made.
    /// Markdown runs one document at a time (cmark-gfm is not safe on two threads), so one
    /// core renders a body while the other fills in a layout.
    mutating func render(log: inout DiagnosticLog, stage: @escaping @Sendable (OutputFile) throws -> Void) throws {
        computeSummaries()
        let jobs = self.jobs
        let listings = plan.listings
        let shared = SharedRun(renderer: self, count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            var local = DiagnosticLog()
            let files = shared.renderer.run(jobs[index], listings: listings, log: &local)
            shared.record(index, diagnostics: local.diagnostics)
            for file in files {
                do { try stage(file) } catch { shared.fail(error) }
            }
        }
        for diagnostics in shared.diagnostics { log.add(contentsOf: diagnostics) }
        if let error = shared.error { throw error }
    }

    /// Renders every page into memory (for tests and small sites).
    mutating func render(log: inout DiagnosticLog) -> [OutputFile] {
        let collected = Collected()
        try? render(log: &log) { collected.append($0) }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Summaries first: listings and related-item cards show other items' summaries.
    private mutating func computeSummaries() {
        let markdown = content.markdown
        summaries = plan.items.map { $0.summary ?? markdown.firstParagraph($0.body) ?? "" }
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

/// What the worker threads of one render share: results by job, and the first failure.
private final class SharedRun: @unchecked Sendable {
    let renderer: SiteRenderer
    private(set) var diagnostics: [[Diagnostic]]
    private(set) var error: Error?
    private let lock = NSLock()

    init(renderer: SiteRenderer, count: Int) {
        self.renderer = renderer
        self.diagnostics = Array(repeating: [], count: count)
    }

    func record(_ index: Int, diagnostics found: [Diagnostic]) {
        guard !found.isEmpty else { return }
        lock.withLock { diagnostics[index] = found }
    }

    func fail(_ failure: Error) {
        lock.withLock { if error == nil { error = failure } }
    }
}

/// Files gathered in memory.
private final class Collected: @unchecked Sendable {
    private(set) var files: [OutputFile] = []
    private let lock = NSLock()

    func append(_ file: OutputFile) {
        lock.withLock { files.append(file) }
    }
}

/// The "About" boilerplate as HTML for each folder depth, made on first use.
final class AboutCache: @unchecked Sendable {
    private var byDepth: [Int: String] = [:]
    private let lock = NSLock()

    func html(depth: Int, make: () -> String) -> String {
        if let known = lock.withLock({ byDepth[depth] }) { return known }
        let html = make()
        lock.withLock { byDepth[depth] = html }
        return html
    }
}
