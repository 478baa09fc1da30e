/// Everything read from disk for one build, checked, before anything is decided about output.
struct SiteSource: Sendable {
    var folder: SourceFolder
    var config: SiteConfig
    var items: [NewsItem]
    var pages: [Page]
    var staticFiles: [CopiedFile]
    /// Files beside a bundle's `index.md`: bundle folder → its files (site-relative paths).
    var bundleFiles: [String: [String]]
    /// How each item file loaded, for the next build's `ItemCache`.
    var itemCache: ItemCache
    var theme: ThemeSource
    /// Every item's and page's Markdown body, parsed once.
    var bodies: BodyStore
    /// The build's file system, for what rendering measures (the size of a feed's enclosures).
    var fileSystem: FileSystem = .local
}
