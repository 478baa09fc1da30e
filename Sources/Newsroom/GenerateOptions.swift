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
    var now: Date
    /// `--now` as written; without an offset it is read in the site timezone (overrides `now`).
    public var nowText: String?
    public var cleanURLs: Bool?
    /// Called now and then while pages are rendered: (pages done, pages in all).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Count pages by kind for the summary (`--verbose`).
    public var countPageKinds = false
    /// How many items' cards are made once and kept for every page that shows them: a card
    /// shows on eight pages on average (listings, archives, tags, related items). About 650
    /// bytes each with its date (see `ViewModel.defaultKeptCards`); the rest are built where
    /// they are shown. The site is the same whatever the number.
    var keptCards = ViewModel.defaultKeptCards
    /// What the output is written through: tests put in one that fails where they want.
    var fileSystem = FileSystem.local
    /// Where processed images are kept between builds; nil: `.newsroom-cache/images` beside the
    /// output folder (see `ImageCache`).
    public var imageCache: URL?
    /// How many parsed bodies stay in memory for rendering (tests lower it).
    var bodies = BodyStore.Options()
    /// Past this many items the search index is split by year (tests lower it).
    var searchSplitAbove = SearchIndexFiles.defaultSplitAbove
    /// Past this many URLs the sitemap is an index of parts (tests lower it; see `SitemapLayout`).
    var sitemapSplitAbove = SitemapLayout.singleFileLimit
    /// In `serve`, from this many other pages to render again the pages open in a browser are
    /// put in place first (tests lower it; see `FirstPages`).
    var secondPassFrom = SiteRenderer.pagesWorthASecondPass

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
    /// When what is published next changes by the clock alone (see `Publication.nextChange`).
    public var nextChange: Date?
    /// Seconds per stage, in order.
    public var stageTimes: [(stage: String, seconds: Double)] = []
    /// Files produced by kind (`news items`, `tag pages`, `archives`, `feeds` …).
    public var pagesByKind: [String: Int] = [:]
    /// True when nothing the output is made from changed and every file was kept as it was,
    /// without planning or rendering.
    public var reusedOutput = false
    /// Images encoded by this build (the others came from the cache or were not needed).
    public var imagesEncoded = 0
    /// The pages `serve` keyed again after an edit of item bodies alone, the last build's plan
    /// kept (see `BodyEdit`); nil when it planned the site.
    var editedPages: SiteRenderer.EditedPages?
    /// After `serve` put the pages open in a browser in place first (see `FirstPages`): the
    /// pages still to render and put in place; nil once the output is whole.
    public var pagesToFollow: Set<String>?

    public var succeeded: Bool {
        outputError == nil && !diagnostics.contains { $0.severity == .error }
    }
}
