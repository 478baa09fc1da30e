import Foundation
import NewsroomMarkdown
import NewsroomXML

/// The loading stage: `site.yml`, the theme, news items, pages and static files.
enum SiteLoader {
    /// - Parameters:
    ///   - reusing: the last build's item records, for the timezone and site they must have
    ///     been read with (nil: read every file).
    ///   - bodies: how the build's `BodyStore` keeps the bodies it parses.
    static func load(site: SourceFolder, themes: SourceFolder, baseURLOverride: String?, cleanURLs: Bool?, reusing previousItems: ((TimeZone, SourceFolder) -> ItemCache)? = nil, bodies: BodyStore.Options = .init(), fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> SiteSource? {
        guard var config = SiteConfigLoader.load(from: site, fileSystem: fileSystem, log: &log) else { return nil }
        if let baseURLOverride {
            config.baseURL = baseURLOverride.hasSuffix("/") ? baseURLOverride : baseURLOverride + "/"
        }
        if let cleanURLs { config.cleanURLs = config.cleanURLs || cleanURLs }
        let theme = ThemeLoader.load(named: config.theme, themes: themes, site: site, fileSystem: fileSystem, log: &log)
        let dates = DateParser(timeZone: config.timeZone)

        let sources = NewsItemLoader.sources(in: site, fileSystem: fileSystem, log: &log)
        let cache = previousItems?(config.timeZone, site) ?? ItemCache()
        let store = BodyStore(folder: site, fileSystem: fileSystem, allowsRawHTML: config.allowsRawHTML, options: bodies)
        let siteFolder = fileSystem.openFolder(site.url.path)
        let loaded = ParallelMap.run(sources.count) { index -> (ItemCache.Record?, [String]?, [Diagnostic], Bool) in
            let source = sources[index]
            var listing = DiagnosticLog()
            let files = source.bundlePath.map { bundle in
                FolderListing.files(below: bundle, in: site, fileSystem: fileSystem, log: &listing).filter { $0 != source.markdownPath }
            }
            let fingerprint = ItemCache.Fingerprint.of(fileSystem.status(source.markdownPath, in: siteFolder))
            if let fingerprint, var record = cache.records[source.markdownPath], record.fingerprint == fingerprint {
                return (record, files, listing.diagnostics, true)
            }
            var local = DiagnosticLog()
            var item = NewsItemLoader.load(source, in: site, dates: dates, fileSystem: fileSystem, log: &local)
            if let body = item?.body {
                // The one parse of this body: the store keeps it for the page and the feeds.
                let parsed = store.add(body, of: source.markdownPath)
                if item?.summary == nil { item?.leadParagraph = parsed.firstParagraph }
                item?.body = ""
            }
            let record = fingerprint.map { ItemCache.Record(fingerprint: $0, item: item, diagnostics: local.diagnostics) }
            return (record ?? ItemCache.Record(fingerprint: .init(size: -1, modified: 0, inode: 0), item: item, diagnostics: local.diagnostics), files, listing.diagnostics, false)
        }
        var items: [NewsItem] = []
        var bundleFiles: [String: [String]] = [:]
        var records = ItemCache()
        records.header = ItemCache.header(timeZone: config.timeZone, site: site)
        records.records.reserveCapacity(sources.count)
        items.reserveCapacity(sources.count)
        records.changed = loaded.contains { !$0.3 } || cache.records.count != loaded.count
        for (source, (record, files, listingDiagnostics, _)) in zip(sources, loaded) {
            if let record {
                log.add(contentsOf: record.diagnostics)
                if let item = record.item { items.append(item) }
                if record.fingerprint.size >= 0 {
                    var stored = record
                    stored.item?.body = ""
                    records.records[source.markdownPath] = stored
                }
            }
            log.add(contentsOf: listingDiagnostics)
            if let bundle = source.bundlePath { bundleFiles[bundle] = files ?? [] }
        }
        ItemIDs.assign(&items, baseURL: config.baseURL, folder: site, log: &log)
        let pages = PageLoader.paths(in: site, fileSystem: fileSystem, log: &log).compactMap { path -> Page? in
            guard var page = PageLoader.load(path, in: site, fileSystem: fileSystem, log: &log) else { return nil }
            _ = store.add(page.body, of: page.sourcePath)
            page.body = ""
            return page
        }
        let staticFiles = FolderListing.files(below: "static", in: site, fileSystem: fileSystem, log: &log).map { path in
            let url = site.file(path)
            return CopiedFile(sourceURL: url, outputPath: String(path.dropFirst("static/".count)), isSitemapPage: isSitemapPage(url, fileSystem: fileSystem))
        }
        guard let theme else { return nil }
        return SiteSource(
            folder: site, config: config, items: items, pages: pages,
            staticFiles: staticFiles, bundleFiles: bundleFiles, itemCache: records, theme: theme, bodies: store,
            fileSystem: fileSystem
        )
    }
}

extension SiteLoader {
    /// Whether a static file is a page for the sitemap: an `.html` file other than a server's
    /// `404.html` that does not carry `<meta name="robots" content="noindex">`. An unreadable
    /// file is left out here; copying it reports the problem.
    static func isSitemapPage(_ url: URL, fileSystem: FileSystem = .local) -> Bool {
        guard url.pathExtension.lowercased() == "html", url.lastPathComponent.lowercased() != "404.html",
              let data = fileSystem.read(url.path) else { return false }
        return !HTMLAudit.read(String(decoding: data, as: UTF8.self)).noindex
    }
}
