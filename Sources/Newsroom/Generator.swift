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
    /// Called now and then while pages are rendered: (pages done, pages in all).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Count pages by kind for the summary (`--verbose`).
    public var countPageKinds = false

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
    /// Files produced by kind (`news items`, `tag pages`, `archives`, `feeds` …).
    public var pagesByKind: [String: Int] = [:]

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

/// Counts pages and feeds as they are produced, from any thread.
final class FileCounter: @unchecked Sendable {
    private(set) var pages = 0
    private(set) var feeds = 0
    private(set) var byKind: [String: Int] = [:]
    private var done = 0
    private let total: Int
    private let progress: (@Sendable (Int, Int) -> Void)?
    private let lock = NSLock()

    private let countsKinds: Bool

    init(total: Int = 0, progress: (@Sendable (Int, Int) -> Void)? = nil, byKind: Bool = false) {
        self.total = total
        self.progress = progress
        self.countsKinds = byKind
    }

    func count(_ path: String) {
        let kind = countsKinds ? PageKind.of(path) : nil
        let report: Int? = lock.withLock {
            if path.hasSuffix(".html") { pages += 1 } else if path.hasSuffix("feed.xml") { feeds += 1 }
            if let kind { byKind[kind, default: 0] += 1 }
            done += 1
            return done % 250 == 0 ? done : nil
        }
        if let report, let progress { progress(min(report, total), total) }
    }
}

/// The kind of an output file, from its path, for the build summary.
enum PageKind {
    static func of(_ path: String) -> String {
        if path == SitePlan.homeFile { return "home" }
        if path == SitePlan.notFoundFile { return "404" }
        if path.hasSuffix("feed.xml") { return "feeds" }
        if path.hasSuffix(".xml") || path == SitePlan.robotsFile { return "sitemap" }
        guard path.hasSuffix(".html") else { return "files" }
        guard path.hasPrefix("news/") else { return "pages" }
        if path.hasPrefix("news/tags/") { return "tag pages" }
        let bytes = Array(path.utf8)
        let isYear = bytes.count > 10 && bytes[5...8].allSatisfy { (0x30...0x39).contains($0) } && bytes[9] == UInt8(ascii: "/")
        guard isYear else { return "news index" }
        let slashes = bytes.filter { $0 == UInt8(ascii: "/") }.count
        return slashes == 4 && !path.split(separator: "/").contains("page") ? "news items" : "archives"
    }
}
