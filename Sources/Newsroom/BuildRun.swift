import Foundation

/// One run of the build: what it found and reported so far, and the steps `Generator` calls in
/// order. A step that stops the build returns nil or false (the diagnostics say why) or throws
/// (the output folder could not be used).
struct BuildRun {
    let options: GenerateOptions
    let engine: TemplateSet.Engine
    var result = BuildResult()
    private var log = DiagnosticLog()
    var clock = StageClock()
    /// Warnings found between loading and rendering, saved for a build that reuses the output.
    private(set) var planWarnings: [Diagnostic] = []
    private var counter: FileCounter?
    /// What the build whose plan a body edit starts from counted (see `replan`).
    private var keptCounts: FileCounter.Counts?
    /// False for `check`: processed images are read from the cache but not stored in it.
    var writesImageCache = true
    /// Where the search terms' cache waits to be written, when not at once (see `LiveSite`).
    var laterWrites: LaterWrites?
    /// The item bodies `serve` keeps between rebuilds (see `RenderedBodies`).
    var renderedBodies: RenderedBodies?
    /// The link map's epoch this build keys its pages with and leaves for the next.
    private(set) var mapping = MappingEpoch()
    /// The plan's link map hashed entry by entry for its epoch, worked out on another core while
    /// the plan is made ready to render (which leaves that core idle).
    private var planEntries: BackgroundWork<[UInt64]>?

    init(options: GenerateOptions, engine: TemplateSet.Engine) {
        self.options = options
        self.engine = engine
    }

    /// What is published, and the digest of everything the output is made from (nil when the
    /// site has errors, or when not asked for).
    struct Inputs {
        var publication: Publication
        var bannerShowing: Bool
        var digest: UInt64?
    }

    /// The result with the diagnostics so far, for a build that stops here.
    mutating func finished() -> BuildResult {
        result.diagnostics = log.sorted
        return result
    }

    /// The output folder, once it is known to be safe to write.
    func checkedOutput() throws -> OutputWriter {
        let writer = OutputWriter(folder: options.output, protectedFolders: [options.site.url, options.themes.url], fileSystem: options.fileSystem)
        try writer.checkFolder()
        return writer
    }

    /// Reads the site, reusing the item records of `previous` for files that did not change.
    mutating func load(reusing previous: IncrementalState?) -> SiteSource? {
        read(reusing: previous)?.source
    }

    /// `load`, keeping what a later `reload` needs.
    mutating func read(reusing previous: IncrementalState?) -> LoadedSite? {
        var bodies = options.bodies
        // The search index takes the terms of the bodies rendering parses again, when it has
        // none kept from an earlier build: with some, it keeps the parts whose items did not
        // change and reads only the changed bodies, and a render that parses every body again
        // (a theme edit) would hand over terms no one reads.
        let terms = searchTermCache
        bodies.handOver = { $0.search == .local && terms.isEmpty ? SearchBodyTerms() : nil }
        let loaded = SiteLoader.read(
            site: options.site, themes: options.themes, baseURLOverride: options.baseURL, cleanURLs: options.cleanURLs,
            reusing: previous.flatMap { state in state.hasItemRecords ? { state.reusableItems(timeZone: $0, site: $1) } : nil }, bodies: bodies, fileSystem: options.fileSystem, log: &log
        )
        if loaded != nil { clock.lap("load", into: &result) }
        return loaded
    }

    /// Updates the site as last loaded with the item files in `changed` read again.
    mutating func reload(_ site: inout LoadedSite, changed: Set<String>) {
        SiteLoader.reload(&site, changed: changed, fileSystem: options.fileSystem, log: &log)
        clock.lap("load", into: &result)
    }

    /// What is published (`--now` as written is read in the site's timezone) and, unless
    /// `digest` is false, the digest of the inputs.
    func inputs(of source: SiteSource, digest: Bool = true) -> Inputs {
        var now = options.now
        if let text = options.nowText, case .success(let date) = DateParser(timeZone: source.config.timeZone).parse(text) {
            now = date.instant
        }
        let publication = Publication(now: now, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture)
        let bannerShowing = source.config.banner?.isShowing(at: publication.now) ?? false
        var inputs = Inputs(publication: publication, bannerShowing: bannerShowing)
        if digest, !log.hasErrors {
            inputs.digest = BuildDigest.of(source, site: options.site, themes: options.themes, baseURL: options.baseURL, cleanURLs: options.cleanURLs, publication: publication, bannerShowing: bannerShowing)
        }
        return inputs
    }

    /// Keeps the whole previous output when it was made from the same inputs and every file of
    /// it is intact, reporting what the build that made it reported; false (nothing kept) when
    /// a file was touched.
    mutating func reuseWholeOutput(_ session: OutputSession, source: SiteSource, inputs: Inputs) throws -> Bool {
        // The state read once the folder is locked is the one that counts.
        guard session.previousState.wasMade(from: inputs.digest), session.keepAllIfIntact() else { return false }
        let previous = session.previousState.warnings(site: options.site.displayName)
        mapping = session.previousState.mapping
        session.record(state(digest: inputs.digest, warnings: previous, source: source))
        result.report = try session.commit()
        log.add(contentsOf: previous.allWarnings)
        result.diagnostics = log.sorted
        noteNextScheduled(source, publication: inputs.publication)
        let counter = FileCounter(byKind: options.countPageKinds)
        for path in session.paths { counter.count(path) }
        counter.report(into: &result)
        result.reusedOutput = true
        clock.lap("check", into: &result)
        return true
    }

    /// Checks the theme and plans the site: everything before the first page is rendered.
    mutating func plan(_ source: SiteSource, inputs: Inputs) -> SiteRenderer? {
        let warningsBefore = log.diagnostics.count
        defer { planWarnings = log.diagnostics[warningsBefore...].filter { $0.severity == .warning } }
        let icons = IconSprite.load(source.theme.icons, log: &log)
        // The theme compiles on another core while the site is planned: neither needs the other.
        let compiling = BackgroundWork { [engine] in
            var local = DiagnosticLog()
            let templates = TemplateSet.compile(source.theme.templates, vocabulary: ViewModelKeys.all, iconNames: icons.names, engine: engine, log: &local)
            return (templates, local.diagnostics)
        }
        checkSocialIcons(source, icons: icons)
        let plan = SitePlanner(source: source, publication: inputs.publication).plan(log: &log)
        planEntries = BackgroundWork { plan.index.entryHashes }
        noteNextScheduled(source, publication: inputs.publication)
        let (templates, templateDiagnostics) = compiling.wait()
        log.add(contentsOf: templateDiagnostics)
        clock.lap("plan", into: &result)
        guard let templates, !log.hasErrors else { return nil }
        let images = ImageStage.process(plan, source: source, cache: imageCache, log: &log)
        result.imagesEncoded = images.encodedCount
        clock.lap("images", into: &result)
        guard !log.hasErrors else { return nil }
        let linker = Linker(baseURL: source.config.baseURL, cleanURLs: source.config.cleanURLs)
        // The thank-you page, when it is one of ours: an absolute URL for the list service, and
        // left out of the footer's page list.
        var thankYou: (url: String, file: String?)?
        if let written = source.config.newsletter?.thankYou {
            let links = ContentLinks(index: plan.index, linker: linker)
            if case .target(let file, let suffix) = links.resolve(written, isImage: false, sourcePath: "site.yml") {
                thankYou = (linker.absolute(file) + suffix, file)
            } else {
                thankYou = (written, nil)
            }
        }
        let model = ViewModel(
            config: source.config, linker: linker, plan: plan,
            menu: resolveMenu(source, plan: plan, linker: linker),
            bannerShowing: inputs.bannerShowing,
            publication: inputs.publication,
            newsletterThankYou: thankYou?.url, thankYouFile: thankYou?.file,
            keptCards: options.keptCards,
            images: images
        )
        guard !log.hasErrors else { return nil }
        var renderer = SiteRenderer(source: source, plan: plan, templates: templates, icons: icons, model: model, images: images)
        renderer.sitemapSplitAbove = options.sitemapSplitAbove
        return renderer
    }

    /// The last build's renderer with the items of a body edit put in, instead of planning
    /// again (see `BodyEdit`): what planning reported then is reported again.
    mutating func replan(_ kept: KeptRender, edit: BodyEdit, source: SiteSource, inputs: Inputs) -> SiteRenderer {
        log.add(contentsOf: kept.planWarnings)
        planWarnings = kept.planWarnings
        noteNextScheduled(source, publication: inputs.publication)
        let renderer = kept.renderer.applying(edit, source: source)
        mapping = kept.mapping
        keptCounts = kept.counts
        result.editedPages = renderer.editedPages
        clock.lap("plan", into: &result)
        return renderer
    }

    /// Renders every page whose key changed into `session`, keeping the others as they are;
    /// false when a page had errors (nothing is written then).
    mutating func render(_ renderer: inout SiteRenderer, into session: OutputSession, inputs: Inputs) throws -> Bool {
        let counter = FileCounter(total: renderer.jobs.count, progress: options.progress, byKind: options.countPageKinds)
        self.counter = counter
        // A plan kept from the build that left the previous state has that state's map.
        if renderer.editedPages == nil || session.previousState.mapping != mapping {
            mapping = MappingEpoch.following(session.previousState.mapping, index: renderer.plan.index, entries: planEntries?.wait())
            planEntries = nil
        }
        let isFresh: @Sendable (String, UInt64) -> Bool = { path, key in session.keep(path, key: key) }
        if renderer.editedPages != nil, renderer.keys?.mapping == mapping.digest, let keptCounts {
            // Kept from the last build, whose keys still hold (see `BodyEdit`); it makes the
            // same files as that build, counted then.
            renderer.isFresh = isFresh
            renderer.keepAsBefore = { session.keepAsBefore($0) }
            renderer.changedOnDisk = session.keepAllAsBefore()
            keptCounts.report(into: &result)
            self.counter = nil
        } else {
            renderer.editedPages = nil
            result.editedPages = nil
            renderer.enableCache(publication: inputs.publication, bannerShowing: inputs.bannerShowing, mapping: mapping.digest, isFresh: isFresh)
        }
        renderer.previousWarnings = session.previousState.warnings(site: options.site.displayName).warningsByPage
        renderer.renderedBodies = renderedBodies
        var terms = searchTermCache
        terms.later = laterWrites
        let search = { [options] (renderer: SiteRenderer) throws -> DiagnosticLog in
            var log = DiagnosticLog()
            try SearchIndexFiles(renderer: renderer, splitAbove: options.searchSplitAbove, termCache: terms).files(isFresh: { session.keep($0, key: $1) }, log: &log) { file in
                counter.count(file.path)
                try session.stage(file)
            }
            return log
        }
        // After a body edit the search part holding the edited items is made on another core
        // while their few pages render: neither needs the other. Any other build searches the
        // pages' bodies after they rendered, not while (at 100,000 items both at once would
        // hold twice the memory).
        let searching = renderer.editedPages == nil ? nil : BackgroundWork { [renderer] in Result { try search(renderer) } }
        // A file that cannot be staged stops the build with the session rolled back.
        do {
            let rendered = Result {
                try renderer.render(log: &log) { file in
                    counter.count(file.path)
                    try session.stage(file)
                }
            }
            clock.lap("render", into: &result)
            // Waited for whatever the render did: the session is let go of only after.
            let searched = searching?.wait()
            try rendered.get()
            renderer.model.releaseItemViews()
            if !log.hasErrors {
                log.add(contentsOf: try (searched ?? Result { try search(renderer) }).get().diagnostics)
                clock.lap("search", into: &result)
            }
        } catch {
            session.abort()
            result.diagnostics = log.sorted
            throw error
        }
        result.diagnostics = log.sorted
        guard !log.hasErrors else {
            session.abort()
            return false
        }
        return true
    }

    /// Puts the rendered files in place with the state the next build starts from.
    mutating func commit(_ session: OutputSession, renderer: SiteRenderer, source: SiteSource, inputs: Inputs) throws {
        let warnings = BuildRecord(warningsByPage: renderer.warnings, buildWarnings: planWarnings)
        session.record(state(digest: inputs.digest, warnings: warnings, source: source))
        result.report = try session.commit()
        try session.publish()
        imageCache.removeAll(except: renderer.images.usedKeys)
        clock.lap("write", into: &result)
        counter?.report(into: &result)
    }

    var searchTermCache: SearchTermCache {
        SearchTermCache(folder: SearchTermCache.folder(besideOutput: options.output), fileSystem: options.fileSystem, writable: writesImageCache)
    }

    var imageCache: ImageCache {
        let folder = options.imageCache?.standardizedFileURL.path ?? ImageCache.folder(besideOutput: options.output)
        return ImageCache(folder: folder, fileSystem: options.fileSystem, writable: writesImageCache)
    }

    /// Renders every page into memory, for `check`.
    mutating func renderInMemory(_ renderer: inout SiteRenderer) -> [OutputFile] {
        let files = renderer.render(log: &log)
        clock.lap("render", into: &result)
        result.diagnostics = log.sorted
        return files
    }

    /// The state this build leaves for the next (the session adds the list of files).
    private func state(digest: UInt64?, warnings: BuildRecord, source: SiteSource) -> IncrementalState {
        var state = IncrementalState()
        state.manifest.digest = digest
        state.site = options.site.displayName
        state.record = warnings
        state.items = source.itemCache
        state.mapping = mapping
        return state
    }

    private mutating func noteNextScheduled(_ source: SiteSource, publication: Publication) {
        if let next = publication.nextScheduled(source.items) {
            result.nextScheduled = (options.site.display(next.sourcePath), next.date)
        }
        result.nextChange = publication.nextChange(source.items, banner: source.config.banner)
    }

    private mutating func resolveMenu(_ source: SiteSource, plan: SitePlan, linker: Linker) -> [(label: String, target: ViewModel.Link)] {
        let links = ContentLinks(index: plan.index, linker: linker)
        return source.config.menu.compactMap { entry in
            switch links.resolve(entry.url, isImage: false, sourcePath: "site.yml") {
            case .keep: return (entry.label, .external(entry.url))
            case .target(let target, _): return (entry.label, .file(target))
            case .dropped(let reason), .missing(let reason):
                log.error("menu '\(entry.label)': \(reason)", at: entry.location)
                return nil
            }
        }
    }

    private mutating func checkSocialIcons(_ source: SiteSource, icons: IconSprite) {
        for link in source.config.social where !icons.names.contains(link.icon) {
            log.error("unknown icon '\(link.icon)'\(Suggestion.didYouMean(link.icon, in: Array(icons.names)))", at: link.location)
        }
    }
}
