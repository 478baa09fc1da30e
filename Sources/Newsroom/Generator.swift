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
        guard let source = load(options, cacheFolder: writer.folder, log: &log) else {
            result.diagnostics = log.sorted
            return result
        }
        clock.lap("load", into: &result)
        let publication = publication(options, source: source)
        let previous = BuildRecord.read(in: writer.folder, site: options.site.displayName)
        let digest = log.hasErrors ? nil : BuildDigest.of(source, options: options, publication: publication, bannerShowing: bannerShowing(source, publication))
        var session: OutputSession?
        if let digest, previous.digest == digest {
            // Nothing the output is made from changed: keep every file if none was touched.
            do {
                let opened = try writer.begin()
                if try reuse(opened, digest: digest, source: source, publication: publication, previous: previous, options: options, log: &log, result: &result) {
                    clock.lap("check", into: &result)
                    return result
                }
                session = opened
            } catch {
                result.outputError = "\(error)"
                return result
            }
        }
        let warningsBefore = log.diagnostics.count
        guard var prepared = prepare(source, options: options, publication: publication, engine: engine, result: &result, log: &log, clock: &clock) else {
            session?.abort()
            result.diagnostics = log.sorted
            return result
        }
        let buildWarnings = log.diagnostics[warningsBefore...].filter { $0.severity == .warning }
        if session == nil {
            do {
                session = try writer.begin()
            } catch {
                result.outputError = "\(error)"
                return result
            }
        }
        guard let session else { return result }
        let counter = FileCounter(total: prepared.renderer.jobs.count, progress: options.progress, byKind: options.countPageKinds)
        prepared.renderer.enableCache(publication: prepared.publication, bannerShowing: prepared.renderer.model.bannerShowing) { path, key in
            session.keep(path, key: key)
        }
        prepared.renderer.previousWarnings = previous.warningsByPage
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
        session.record(digest: digest)
        // The item cache is written while the output is committed, and put in place after.
        let itemCache = source.itemCache, cacheFolder = session.writeFolder, timeZone = source.config.timeZone, siteFolder = source.folder
        let stagedCache = BackgroundWork { itemCache.stage(in: cacheFolder, timeZone: timeZone, site: siteFolder) }
        do {
            result.report = try session.commit()
        } catch {
            ItemCache.discard(stagedCache.wait())
            result.outputError = "\(error)"
            return result
        }
        BuildRecord(digest: digest, warningsByPage: prepared.renderer.warnings, buildWarnings: Array(buildWarnings))
            .write(in: session.writeFolder, site: options.site.displayName)
        if let staged = stagedCache.wait() { ItemCache.publish(staged, in: cacheFolder) }
        do {
            try session.publish()
        } catch {
            result.outputError = "\(error)"
            return result
        }
        if !options.freesMemoryWhenDone {
            KeptUntilExit.keep(prepared)
            KeptUntilExit.keep(source)
        }
        clock.lap("write", into: &result)
        counter.report(into: &result)
        return result
    }

    /// Keeps the whole previous output when every file of it is intact, reporting what the build
    /// that made it reported; false (nothing kept) when a file was touched.
    private static func reuse(_ session: OutputSession, digest: UInt64, source: SiteSource, publication: Publication, previous: BuildRecord, options: GenerateOptions, log: inout DiagnosticLog, result: inout BuildResult) throws -> Bool {
        // The manifest's digest is the word that counts: it is written with the files' list, so
        // a run killed before it saved the build record cannot make an old record look current.
        guard session.previousDigest == digest, session.keepAllIfIntact() else { return false }
        result.report = try session.commit()
        source.itemCache.write(to: session.folder, timeZone: source.config.timeZone, site: source.folder)
        log.add(contentsOf: previous.allWarnings)
        result.diagnostics = log.sorted
        noteNextScheduled(source, publication: publication, options: options, into: &result)
        count(session.paths, options: options, into: &result)
        result.reusedOutput = true
        return true
    }

    /// The pages, feeds and kinds among `paths`, as `FileCounter` counts them while rendering.
    private static func count(_ paths: [String], options: GenerateOptions, into result: inout BuildResult) {
        let counter = FileCounter(byKind: options.countPageKinds)
        for path in paths { counter.count(path) }
        counter.report(into: &result)
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
    private static func prepare(_ options: GenerateOptions, engine: TemplateSet.Engine, result: inout BuildResult, log: inout DiagnosticLog, clock: inout StageClock) -> Prepared? {
        guard let source = load(options, cacheFolder: nil, log: &log) else { return nil }
        clock.lap("load", into: &result)
        return prepare(source, options: options, publication: publication(options, source: source), engine: engine, result: &result, log: &log, clock: &clock)
    }

    private static func load(_ options: GenerateOptions, cacheFolder: URL?, log: inout DiagnosticLog) -> SiteSource? {
        SiteLoader.load(site: options.site, themes: options.themes, baseURLOverride: options.baseURL, cleanURLs: options.cleanURLs, cacheFolder: cacheFolder, bodies: options.bodies, log: &log)
    }

    /// What is published: `--now` as written is read in the site's timezone.
    private static func publication(_ options: GenerateOptions, source: SiteSource) -> Publication {
        var now = options.now
        if let text = options.nowText, case .success(let date) = DateParser(timeZone: source.config.timeZone).parse(text) {
            now = date.instant
        }
        return Publication(now: now, includeDrafts: options.includeDrafts, includeFuture: options.includeFuture)
    }

    private static func bannerShowing(_ source: SiteSource, _ publication: Publication) -> Bool {
        source.config.banner?.isShowing(at: publication.now) ?? false
    }

    private static func noteNextScheduled(_ source: SiteSource, publication: Publication, options: GenerateOptions, into result: inout BuildResult) {
        if let next = publication.nextScheduled(source.items) {
            result.nextScheduled = (options.site.display(next.sourcePath), next.date)
        }
    }

    /// Checks the theme and plans the site loaded as `source`.
    private static func prepare(_ source: SiteSource, options: GenerateOptions, publication: Publication, engine: TemplateSet.Engine, result: inout BuildResult, log: inout DiagnosticLog, clock: inout StageClock) -> Prepared? {
        let icons = IconSprite.load(source.theme.icons, log: &log)
        let templates = TemplateSet.compile(source.theme.templates, vocabulary: ViewModelKeys.all, iconNames: icons.names, engine: engine, log: &log)
        checkSocialIcons(source, icons: icons, log: &log)
        let plan = SitePlanner(source: source, publication: publication).plan(log: &log)
        noteNextScheduled(source, publication: publication, options: options, into: &result)
        clock.lap("plan", into: &result)
        guard let templates, !log.hasErrors else { return nil }
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
            menu: resolveMenu(source, plan: plan, linker: linker, log: &log),
            bannerShowing: bannerShowing(source, publication),
            publication: publication,
            newsletterThankYou: thankYou?.url, thankYouFile: thankYou?.file
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
