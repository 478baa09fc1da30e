import Foundation
import NewsroomXML
import NewsroomMarkdown
import NewsroomMustache

/// The rendering stage: every page of the plan through its layout, plus copies.
// Unchecked: shared by the render's threads, which only read it; `model` and `templates` say why
// they are safe to share.
struct SiteRenderer: @unchecked Sendable {
    var source: SiteSource
    var plan: SitePlan
    var templates: TemplateSet
    var icons: IconSprite
    var model: ViewModel
    var content: ContentRenderer
    /// The processed raster images, by output path: published in place of a copy.
    var images: ImageCatalog
    /// Each item's summary: its own, or its first paragraph.
    var summaries: [String] = []
    /// The site's "About" boilerplate rendered once per folder depth.
    let aboutCache = LockedMemo<Int, String>()
    /// The incremental build: keys of what each page is made from, and a check whether the
    /// previous build's file for a path was made from the same key (then it is kept).
    var keys: RenderKeys?
    var isFresh: (@Sendable (String, UInt64) -> Bool)?
    /// Past this many URLs the sitemap is an index of parts (see `SitemapLayout`).
    var sitemapSplitAbove = SitemapLayout.singleFileLimit
    /// The sitemap's files for this plan once they were worked out (under the key 0), shared by
    /// the renderers a body edit makes from it (see `BodyEdit`).
    var sitemapFiles = LockedMemo<Int, [String]>()
    /// Each search part's documents as its script holds them, by part name, when `serve` keeps
    /// them for the body edits that follow (they show nothing a body edit changes).
    var searchDocuments: LockedMemo<String, [UInt8]>?
    /// The warnings of the previous build's pages, given again for the pages kept as they are;
    /// and this render's, to be saved for the next.
    var previousWarnings: [String: [Diagnostic]] = [:]
    private(set) var warnings: [String: [Diagnostic]] = [:]
    /// After a body edit (see `BodyEdit`): the pages it may change. Any other single page keeps
    /// the previous build's file, unkeyed, when `keepAsBefore` (the session) finds it untouched.
    var editedPages: EditedPages?
    var keepAsBefore: (@Sendable ([String]) -> Bool)?
    /// After a body edit, once every file of the previous build untouched since was kept as it
    /// is (see `OutputSession.keepAllAsBefore`): the others, found changed on disk.
    var changedOnDisk: Set<String>?
    /// In a first pass: keeps each of the previous build's files at the paths given as it is,
    /// when nothing touched it since, all recorded at once; whether each was kept.
    var keepEachAsBefore: (@Sendable ([String]) -> [Bool])?
    /// Who links into what with a `#fragment`, once a body edit worked it out for this plan.
    var fragmentLinkers: FragmentLinkers?
    /// The item bodies `serve` keeps between rebuilds (see `RenderedBodies`); nil in a build.
    var renderedBodies: RenderedBodies?
    /// In a first pass (see `FirstPages`): the pages to render now; the other pages whose keys
    /// changed are kept as they were and listed in `deferredPages`, when enough to be worth it.
    var firstPass: FirstPass?
    private(set) var deferredPages: Set<String> = []

    var linker: Linker { model.linker }
    var config: SiteConfig { source.config }

    /// - Parameter anchors: the anchor book for `plan` when it is known (see `BodyEdit`).
    init(source: SiteSource, plan: SitePlan, templates: TemplateSet, icons: IconSprite, model: ViewModel, images: ImageCatalog = ImageCatalog(), anchors: AnchorBook? = nil) {
        self.images = images
        self.source = source
        self.plan = plan
        self.templates = templates
        self.icons = icons
        self.model = model
        self.content = ContentRenderer(
            markdown: source.bodies.markdown,
            links: ContentLinks(index: plan.index, linker: model.linker),
            folder: source.folder,
            anchors: anchors ?? AnchorBook(plan: plan, bodies: source.bodies),
            images: images
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
            jobs += (1...listing.pageCount).map { .listingPage(index, page: $0) }
        }
        jobs += plan.aliases.indices.map { .alias($0) }
        jobs += plan.copies.indices.map { .copy($0) }
        return jobs
    }

    /// The one page a job makes, its key (nil without the incremental build) and, for an item,
    /// the related items the key covers (so rendering does not work them out again); nil for
    /// the jobs that make several files or none of their own (feeds, sitemap, aliases, copies).
    func page(of job: Job, listings: [Listing]) -> (path: String, key: UInt64?, related: [Int]?)? {
        switch job {
        case .home:
            let shown = plan.items.indices.prefix(config.perPage)
            return (SitePlan.homeFile, keys?.cards("home", shown, extra: [String(plan.items.count > shown.count)], layout: "home"), nil)
        case .tagIndex:
            guard let keys else { return (SitePlan.tagsFile, nil, nil) }
            let counts = (plan.tagListings + plan.yearListings).map { "\($0.key)=\($0.items.count)" }
            return (SitePlan.tagsFile, keys.cards("tags", [], extra: counts, layout: "tags"), nil)
        case .notFound:
            return (SitePlan.notFoundFile, keys?.cards("404", plan.items.indices.prefix(3), extra: [], layout: "404"), nil)
        case .item(let position):
            guard let keys else { return (plan.itemFiles[position], nil, nil) }
            let neighbours = [position > 0 ? position - 1 : nil, position + 1 < plan.items.count ? position + 1 : nil]
            let related = relatedItems(position)
            let key = keys.item(
                position, contentHash: plan.items[position].contentHash, neighbours: neighbours, related: related,
                linked: linkedContentHashes(plan.items[position].fragmentLinkPaths, sourcePath: plan.items[position].sourcePath)
            )
            return (plan.itemFiles[position], key, related)
        case .page(let position):
            guard let keys else { return (plan.pageFiles[position], nil, nil) }
            let page = plan.pages[position]
            return (plan.pageFiles[position], keys.page(contentHash: page.contentHash, layout: page.layout, linked: linkedContentHashes(page.fragmentLinkPaths, sourcePath: page.sourcePath)), nil)
        case .listingPage(let index, let number):
            let listing = listings[index]
            guard let keys else { return (listing.file(page: number), nil, nil) }
            let neighbours = archiveNeighbours(listing).map { [$0.0?.title ?? "", $0.1?.title ?? ""] } ?? []
            // What the page shows besides its cards: a fixed page neither counts the listing nor
            // lists the years or months with their counts (see `renderListingPage`).
            var extra = [listing.title, Pager(listing, page: number).keyText] + neighbours
            if !listing.isFixed(page: number) {
                extra.append("\(listing.items.count)/\(listing.pageCount)")
                // The news index lists the years and a year its months, each with its count.
                if listing.kind != .tag { extra += (plan.yearListings + plan.monthListings).map { "\($0.key)=\($0.items.count)" } }
            }
            return (listing.file(page: number), keys.cards("list:\(listing.kind.rawValue):\(listing.key):\(number)", listing.items(onPage: number), extra: extra, layout: "list"), nil)
        case .feeds, .sitemap, .alias, .copy:
            return nil
        }
    }

    /// Renders the one page of a job `page(of:listings:)` gives a path for.
    private func renderSinglePage(_ job: Job, listings: [Listing], related: [Int]?, log: inout DiagnosticLog) -> OutputFile {
        switch job {
        case .home: return renderHome(log: &log)
        case .tagIndex: return renderTagIndex(log: &log)
        case .notFound: return renderNotFound(log: &log)
        case .item(let position): return renderItem(position, related: related ?? relatedItems(position), log: &log)
        case .page(let position): return renderPage(position, log: &log) ?? .text(plan.pageFiles[position], "")
        case .listingPage(let index, let number): return renderListingPage(listings[index], number: number, log: &log)
        case .feeds, .sitemap, .alias, .copy: preconditionFailure("\(job) makes no single page")
        }
    }

    /// The items whose cards or dates a job's page shows, when it renders (related items'
    /// cards are made where they are shown).
    private func shownItems(_ job: Job, listings: [Listing]) -> ArraySlice<Int> {
        switch job {
        case .home: return ArraySlice(plan.items.indices.prefix(config.perPage))
        case .notFound: return ArraySlice(plan.items.indices.prefix(3))
        case .item(let position): return [position]
        case .listingPage(let index, let number): return listings[index].items(onPage: number)
        case .tagIndex, .page, .feeds, .sitemap, .alias, .copy: return []
        }
    }

    /// The files of `job`. `known` is what `page(of:listings:)` gave for it when the caller
    /// already made that and found the previous build's file stale.
    func run(_ job: Job, listings: [Listing], known: (path: String, key: UInt64?, related: [Int]?)? = nil, log: inout DiagnosticLog) -> [OutputFile] {
        if let known {
            var file = renderSinglePage(job, listings: listings, related: known.related, log: &log)
            file.cacheKey = known.key ?? 0
            return [file]
        }
        if let page = page(of: job, listings: listings) {
            return cached(page.path, page.key) { renderSinglePage(job, listings: listings, related: page.related, log: &log) }
        }
        switch job {
        case .home, .tagIndex, .notFound, .item, .page, .listingPage:
            preconditionFailure("\(job) makes a single page")
        case .feeds:
            // Feeds carry full bodies: their key covers each listed item's card and file.
            let images = FeedImages(renderer: self)
            // What a listing's feeds show, made once for its three formats.
            var shownBy: [String: (positions: [Int], extra: [String])] = [:]
            var kept: [OutputFile] = []
            var feeds = plan.feeds
            if let editedPages {
                // A feed that shows no edited item is made from what it was made from.
                feeds.removeAll { feed in
                    !feed.listing.items.prefix(config.feed.items).contains(where: editedPages.items.contains) && keptAsBefore([feed.file])
                }
                kept = Set(plan.feeds.map(\.file)).subtracting(feeds.map(\.file)).map { OutputFile(path: $0, content: .kept) }
            }
            let keyed = feeds.map { file, _, listing -> (String, UInt64?) in
                guard let keys else { return (file, nil) }
                let shown = shownBy[listing.folder] ?? {
                    let positions = Array(listing.items.prefix(config.feed.items))
                    let extra = [listing.title] + positions.map { String(plan.items[$0].contentHash) + (plan.items[$0].updated?.iso8601 ?? "") + plan.items[$0].id + images.keyPart(of: $0) }
                    return (positions, extra + [String(keys.mapping)])
                }()
                shownBy[listing.folder] = shown
                return (file, keys.cards("feed:" + file, shown.positions, extra: shown.extra, layout: nil))
            }
            var stale = Set<String>()
            for (file, key) in keyed {
                if let key, let isFresh, isFresh(file, key) {
                    kept.append(OutputFile(path: file, content: .kept))
                } else {
                    stale.insert(file)
                }
            }
            let keysByFile = Dictionary(uniqueKeysWithValues: keyed.map { ($0.0, $0.1 ?? 0) })
            return kept + renderFeeds(only: stale, log: &log).map { file in
                var file = file
                file.cacheKey = keysByFile[file.path] ?? 0
                return file
            }
        case .sitemap: return renderSitemap(log: &log)
        case .alias(let index): return [AliasPage.file(at: plan.aliases[index].file, target: plan.aliases[index].target, linker: linker)]
        case .copy(let index):
            let copy = plan.copies[index]
            do {
                return try images.files(for: copy.outputPath, isFresh: isFresh) ?? [OutputFile(path: copy.outputPath, content: .copy(copy.sourceURL))]
            } catch {
                log.error("image '\(copy.sourceURL.path)' cannot be published: \(error)", at: SourceLocation(path: copy.sourceURL.path))
                return []
            }
        }
    }

    /// The content hashes of the items and pages a body links to with a `#fragment` (its
    /// fragment checks depend on their ids; see `AnchorBook`).
    func linkedContentHashes(_ paths: [String], sourcePath: String) -> [UInt64] {
        guard keys != nil, !paths.isEmpty else { return [] }
        let files = paths.compactMap { path -> String? in
            guard case .target(let file, _) = content.links.resolve(path, isImage: false, sourcePath: sourcePath) else { return nil }
            return file
        }
        return content.anchors.contentHashes(of: files)
    }

    /// The previous build's file when `key` says nothing it is made from changed, else `render()`.
    private func cached(_ path: String, _ key: UInt64?, _ render: () -> OutputFile) -> [OutputFile] {
        if let key, let isFresh, isFresh(path, key) {
            return [OutputFile(path: path, content: .kept)]
        }
        var file = render()
        file.cacheKey = key ?? 0
        return [file]
    }

    /// Renders every page on all cores, handing each file to `stage` as soon as it is made, its
    /// Markdown included (see `CmarkSession` for where cmark-gfm's inline parsing cannot).
    ///
    /// Every page's key comes first: a page kept as it is needs no view model, so the items'
    /// dates and cards are made only for the pages that render.
    mutating func render(log: inout DiagnosticLog, stage: @escaping @Sendable (OutputFile) throws -> Void) throws {
        if summaries.count != plan.items.count { computeSummaries() }
        let jobs = self.jobs
        let listings = plan.listings
        // Read through `shared`: a closure calling this value's methods would copy it for each page.
        let shared = SharedRun(renderer: self, count: jobs.count)
        let previousWarnings = self.previousWarnings
        // After a body edit, the files of the pages it cannot have changed are kept in one go,
        // and only the other jobs run.
        let asBefore = pagesAsBefore(jobs, listings: listings)
        let rendered = asBefore.map { asBefore in jobs.indices.filter { !asBefore[$0] } } ?? Array(jobs.indices)
        var pages = ParallelMap.run(rendered.count) { number -> PageState in
            let renderer = shared.renderer
            guard let page = renderer.page(of: jobs[rendered[number]], listings: listings) else { return .other }
            if let key = page.key, let isFresh = renderer.isFresh, isFresh(page.path, key) { return .kept(page.path) }
            return .stale(page.path, page.key, page.related)
        }
        deferredPages = firstPass.map { keepForLater(&pages, first: $0) } ?? []
        var shown = [Bool](repeating: false, count: plan.items.count)
        for (number, state) in pages.enumerated() {
            guard case .stale = state else { continue }
            for position in shownItems(jobs[rendered[number]], listings: listings) { shown[position] = true }
        }
        model.makeItemViews(summaries: summaries, for: shown.indices.filter { shown[$0] })
        let made = Collected<String>()
        ParallelMap.forEach(rendered.count) { number in
            let index = rendered[number]
            var local = DiagnosticLog()
            let files: [OutputFile]
            switch pages[number] {
            case .kept(let path): files = [OutputFile(path: path, content: .kept)]
            case .stale(let path, let key, let related): files = shared.renderer.run(jobs[index], listings: listings, known: (path, key, related), log: &local)
            case .other: files = shared.renderer.run(jobs[index], listings: listings, log: &local)
            }
            for file in files {
                if case .kept = file.content, let warnings = previousWarnings[file.path] { local.add(contentsOf: warnings) }
            }
            shared.record(index, page: files.first?.path, diagnostics: local.diagnostics)
            if asBefore != nil { for file in files { made.append(file.path) } }
            for file in files {
                do { try stage(file) } catch { shared.fail(error) }
            }
        }
        // The pages kept as before report what they reported then.
        var keptWarnings: [String: [Diagnostic]] = [:]
        if asBefore != nil {
            let made = Set(made.files)
            keptWarnings = previousWarnings.filter { !made.contains($0.key) }
            for (_, warnings) in keptWarnings { log.add(contentsOf: warnings) }
        }
        for diagnostics in shared.diagnostics { log.add(contentsOf: diagnostics) }
        warnings = keptWarnings.merging(shared.warnings) { $1 }
        if let error = shared.error { throw error }
    }

    /// A job's page before rendering: kept from the previous build, to be rendered with its
    /// key, or not a single page (see `page(of:listings:)`).
    enum PageState {
        case kept(String)
        case stale(String, UInt64?, [Int]?)
        case other
    }

    /// Renders every page into memory (for tests and small sites).
    mutating func render(log: inout DiagnosticLog) -> [OutputFile] {
        let collected = Collected<OutputFile>()
        try? render(log: &log) { collected.append($0) }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Turns on the incremental build: pages whose inputs did not change are kept as they are.
    /// - Parameter mapping: the link map's digest for the keys (see `MappingEpoch`; nil: this plan's).
    mutating func enableCache(publication: Publication, bannerShowing: Bool, mapping: UInt64? = nil, isFresh: @escaping @Sendable (String, UInt64) -> Bool) {
        computeSummaries()
        keys = RenderKeys(
            source: source, plan: plan, sitePages: model.sitePages, thankYou: model.newsletterThankYou, summaries: summaries,
            publication: publication, bannerShowing: bannerShowing, mapping: mapping, images: images.digest, layouts: templates.layoutKeys
        )
        self.isFresh = isFresh
    }

    /// Summaries first: listings and related-item cards show other items' summaries. Loading
    /// found each first paragraph (or the previous build did, for an item it reused).
    private mutating func computeSummaries() {
        summaries = plan.items.map { $0.summary ?? $0.leadParagraph ?? "" }
    }

    /// Renders `layout` with `context`, or logs that the theme lacks it.
    /// `linker` writes the view model's links (the 404 page has its own).
    func page(_ file: String, layout: String, context: PageContext, linker: Linker? = nil, requestedAt location: SourceLocation, log: inout DiagnosticLog) -> OutputFile {
        guard templates.layoutNames.contains(layout) else {
            log.error(
                "layout '\(layout)' not found in theme '\(source.theme.name)' or the site's layouts/\(Suggestion.didYouMean(layout, in: Array(templates.layoutNames)))",
                at: location
            )
            return .text(file, "")
        }
        let linker = linker ?? self.linker
        let html = templates.render(context, layout: layout) { linker.writeRelative(from: file, to: $0.target, suffix: $0.suffix, $1) }
        return OutputFile(path: file, content: .data(icons.embed(in: html)))
    }

    var siteLocation: SourceLocation { source.folder.location("site.yml") }
}
