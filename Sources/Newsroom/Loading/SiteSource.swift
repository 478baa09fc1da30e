/// Everything read from disk for one build, checked, before anything is decided about output.
public struct SiteSource: Sendable {
    public var folder: SourceFolder
    public var config: SiteConfig
    public var items: [NewsItem]
    public var pages: [Page]
    public var staticFiles: [CopiedFile]
    /// Files beside a bundle's `index.md`: bundle folder → its files (site-relative paths).
    public var bundleFiles: [String: [String]]
    /// How each item file loaded, for the next build's `ItemCache`.
    var itemCache: ItemCache
    var theme: ThemeSource
    /// Every item's and page's Markdown body, parsed once.
    var bodies: BodyStore
}
