import Foundation

/// What a `generate` run is asked to do.
public struct GenerateOptions: Sendable {
    public var site: SourceFolder
    public var themes: SourceFolder
    public var output: URL
    public var baseURL: String?
    public var includeDrafts = false
    public var includeFuture = false
    /// The clock: scheduled items and the banner window are judged against it.
    public var now: Date
    /// `--now` as written; without an offset it is read in the site timezone (overrides `now`).
    public var nowText: String?
    public var cleanURLs: Bool?

    public init(site: SourceFolder, themes: SourceFolder, output: URL, now: Date) {
        self.site = site
        self.themes = themes
        self.output = output
        self.now = now
    }
}

/// What a run did, for the command line to print.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Set when the output folder could not be used or written.
    public var outputError: String?
    public var pageCount = 0
    public var feedCount = 0
    public var report = OutputWriter.Report()
    public var nextScheduled: (path: String, date: PublicationDate)?
    /// Seconds per stage, in order.
    public var stageTimes: [(stage: String, seconds: Double)] = []

    public var succeeded: Bool {
        outputError == nil && !diagnostics.contains { $0.severity == .error }
    }
}

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

        guard let source = SiteLoader.load(site: options.site, themes: options.themes, baseURLOverride: options.baseURL, cleanURLs: options.cleanURLs, log: &log) else {
            result.diagnostics = log.sorted
            return result
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

        guard let templates, !log.hasErrors else {
            result.diagnostics = log.sorted
            return result
        }
        let linker = Linker(baseURL: source.config.baseURL, cleanURLs: source.config.cleanURLs)
        let model = ViewModel(
            config: source.config, linker: linker, plan: plan,
            menu: resolveMenu(source, plan: plan, linker: linker, log: &log),
            bannerShowing: source.config.banner?.isShowing(at: now) ?? false,
            publication: publication
        )
        var renderer = SiteRenderer(source: source, plan: plan, templates: templates, icons: icons, model: model)
        let session: OutputSession
        do {
            session = try writer.begin()
        } catch {
            result.outputError = "\(error)"
            return result
        }
        let counter = FileCounter()
        renderer.enableCache(publication: publication, bannerShowing: model.bannerShowing) { path, key in session.keep(path, key: key) }
        do {
            try renderer.render(log: &log) { file in
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
        clock.lap("write", into: &result)
        result.pageCount = counter.pages
        result.feedCount = counter.feeds
        return result
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

/// Counts pages and feeds as they are produced, from any thread.
final class FileCounter: @unchecked Sendable {
    private(set) var pages = 0
    private(set) var feeds = 0
    private let lock = NSLock()

    func count(_ path: String) {
        lock.withLock {
            if path.hasSuffix(".html") { pages += 1 } else if path.hasSuffix("feed.xml") { feeds += 1 }
        }
    }
}
