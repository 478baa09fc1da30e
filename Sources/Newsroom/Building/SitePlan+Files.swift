/// The files the plan publishes.
extension SitePlan {
    /// The files of the planned pages, aliases and copies, in the order the render makes them
    /// (see `SiteRenderer.jobs`); the search index's files are left out.
    var files: [String] {
        var files = [Self.homeFile, Self.tagsFile, Self.notFoundFile] + feeds.map(\.file) + [Self.sitemapFile]
        files += itemFiles
        files += pageFiles
        for listing in listings {
            files += (1...listing.pageCount).map { listing.file(page: $0) }
        }
        files += aliases.map(\.file)
        files += copies.map(\.outputPath)
        return files
    }
}
