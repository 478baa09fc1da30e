import Foundation

/// The build, one named stage after another: load → plan → render → commit.
public enum Generator {
    public static func build(_ options: GenerateOptions) -> BuildResult {
        build(options, engine: .builtIn)
    }

    /// The build with a chosen template engine (tests compare ours with swift-mustache).
    static func build(_ options: GenerateOptions, engine: TemplateSet.Engine) -> BuildResult {
        var result = BuildResult()
        var log = DiagnosticLog()
        var clock = StageClock()
        let writer = OutputWriter(folder: options.output, protectedFolders: [options.site.url, options.themes.url])
        do {
            try writer.checkFolder()
        } catch {
            result.outputError = "\(error)"
            return result
        }
        guard var prepared = prepare(options, engine: engine, cacheFolder: writer.folder, result: &result, log: &log, clock: &clock) else {
            result.diagnostics = log.sorted
            return result
        }
        let session: OutputSession
        do {
            session = try writer.begin()
        } catch {
            result.outputError = "\(error)"
            return result
        }
        let counter = FileCounter(total: prepared.renderer.jobs.count, progress: options.progress, byKind: options.countPageKinds)
        prepared.renderer.enableCache(publication: prepared.publication, bannerShowing: prepared.renderer.model.bannerShowing) { path, key in
            session.keep(path, key: key)
        }
        prepared.renderer.previousWarnings = PageWarnings.read(in: writer.folder, site: options.site.displayName)
        do {
            try prepared.renderer.render(log: &log) { file in
                counter.count(file.path)
                try session.stage(file)
            }
        } catch {
            session.abort()
            result.diagnostics = log.sorted
            result.outputError = "\(error)"
            return result
        }
        clock.lap("render", into: &result)
        result.diagnostics = log.sorted
        guard !log.hasErrors else {
            session.abort()
            return result
        }
        do {
            result.report = try session.commit()
        } catch {
            result.outputError = "\(error)"
            return result
        }
        let source = prepared.renderer.source
        source.itemCache.write(to: writer.folder, timeZone: source.config.timeZone, site: source.folder)
        prepared.renderer.warnings.write(in: writer.folder, site: options.site.displayName)
        clock.lap("write", into: &result)
        result.pageCount = counter.pages
        result.feedCount = counter.feeds
        result.pagesByKind = counter.byKind
        return result
    }

    /// Everything a build does except writing: the pages in memory, with the diagnostics.
    public static func renderInMemory(_ options: GenerateOptions) -> (BuildResult, [OutputFile]) {
        var result = BuildResult()
        var log = DiagnosticLog()
        var clock = StageClock()
        guard var prepared = prepare(options, engine: .builtIn, result: &result, log: &log, clock: &clock) else {
            result.diagnostics = log.sorted
            return (result, [])
        }
        let files = prepared.renderer.render(log: &log)
        clock.lap("render", into: &result)
        result.diagnostics = log.sorted
        return (result, files)
    }

    struct Prepared {
        var renderer: SiteRenderer
        var publication: Publication
    }

    /// Load, check the theme, plan: everything before the first page is rendered.
    private static func prepare(_ options: GenerateOptions, engine: TemplateSet.Engine, cacheFolder: URL? = nil, result: inout BuildResult, log: inout DiagnosticLog, clock: inout StageClock) -> Prepared? {
        guard let source = SiteLoader.load(site: options.site, themes: options.themes, baseURLOverride: options.baseURL, cleanURLs: options.cleanURLs, cacheFolder: cacheFolder, log: &log) else {
            return nil
        }
        clock.lap("load", into: &result)
        var now = options.now
        if let text = options.nowText, case .success(let date) = DateParser(timeZone: source.config.timeZone).parse(text) {
            now = date.instant
        }
        let icons = IconSprite.load(source.theme.icons, log: &log)
        let templates = TemplateSet.compile(source.theme.templates, vocabulary: ViewModelKeys.all, iconNames: icons.names, engine: engine, log: &log)
        checkSocialIcons(source, icons: icons, log: &log)
        let publication = Publication(now: now, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture)
        let plan = SitePlanner(source: source, publication: publication).plan(log: &log)
        if let next = publication.nextScheduled(source.items) {
            result.nextScheduled = (options.site.display(next.sourcePath), next.date)
        }
        clock.lap("plan", into: &result)
        guard let templates, !log.hasErrors else { return nil }
        let linker = Linker(baseURL: source.config.baseURL, cleanURLs: source.config.cleanURLs)
        let model = ViewModel(
            config: source.config, linker: linker, plan: plan,
            menu: resolveMenu(source, plan: plan, linker: linker, log: &log),
            bannerShowing: source.config.banner?.isShowing(at: now) ?? false,
            publication: publication,
            newsletterThankYou: source.config.newsletter?.thankYou.map { thankYou in
                let links = ContentLinks(index: plan.index, linker: linker)
                if case .target(let file, let suffix) = links.resolve(thankYou, isImage: false, sourcePath: "site.yml") {
                    return linker.absolute(file) + suffix
                }
                return thankYou
            }
        )
        guard !log.hasErrors else { return nil }
        return Prepared(renderer: SiteRenderer(source: source, plan: plan, templates: templates, icons: icons, model: model), publication: publication)
    }

    private static func resolveMenu(_ source: SiteSource, plan: SitePlan, linker: Linker, log: inout DiagnosticLog) -> [(label: String, target: ViewModel.Link)] {
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

    private static func checkSocialIcons(_ source: SiteSource, icons: IconSprite, log: inout DiagnosticLog) {
        for link in source.config.social where !icons.names.contains(link.icon) {
            log.error("unknown icon '\(link.icon)'\(Suggestion.didYouMean(link.icon, in: Array(icons.names)))", at: link.location)
        }
    }
}

/// Wall time per stage, for `--verbose`.
struct StageClock {
    private var last = Date()

    mutating func lap(_ stage: String, into result: inout BuildResult) {
        let now = Date()
        result.stageTimes.append((stage, now.timeIntervalSince(last)))
        last = now
    }
}
