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
        read(site: site, themes: themes, baseURLOverride: baseURLOverride, cleanURLs: cleanURLs, reusing: previousItems, bodies: bodies, fileSystem: fileSystem, log: &log)?.source
    }

    /// `load`, keeping what a later `reload` of only the changed item files needs.
    static func read(site: SourceFolder, themes: SourceFolder, baseURLOverride: String?, cleanURLs: Bool?, reusing previousItems: ((TimeZone, SourceFolder) -> ItemCache)? = nil, bodies: BodyStore.Options = .init(), fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> LoadedSite? {
        // Everything but the item files' own diagnostics, kept for a reload that reads none of it.
        var other = DiagnosticLog()
        defer { log.add(contentsOf: other.diagnostics) }
        guard var config = SiteConfigLoader.load(from: site, fileSystem: fileSystem, log: &other) else { return nil }
        if let baseURLOverride {
            config.baseURL = baseURLOverride.hasSuffix("/") ? baseURLOverride : baseURLOverride + "/"
        }
        if let cleanURLs { config.cleanURLs = config.cleanURLs || cleanURLs }
        let theme = ThemeLoader.load(named: config.theme, themes: themes, site: site, fileSystem: fileSystem, log: &other)

        let sources = NewsItemLoader.sources(in: site, fileSystem: fileSystem, log: &other)
        let cache = previousItems?(config.timeZone, site) ?? ItemCache()
        let store = BodyStore(folder: site, fileSystem: fileSystem, allowsRawHTML: config.allowsRawHTML, options: bodies)
        let listings = ParallelMap.run(sources.count) { index -> ([String], [Diagnostic])? in
            let source = sources[index]
            var listing = DiagnosticLog()
            return source.bundlePath.map { bundle in
                (FolderListing.files(below: bundle, in: site, fileSystem: fileSystem, log: &listing).filter { $0 != source.markdownPath }, listing.diagnostics)
            }
        }
        var bundleFiles: [String: [String]] = [:]
        for (source, listing) in zip(sources, listings) {
            guard let bundle = source.bundlePath, let (files, diagnostics) = listing else { continue }
            bundleFiles[bundle] = files
            other.add(contentsOf: diagnostics)
        }
        let (items, records) = loadItems(sources, unchangedSince: nil, cache: cache, config: config, site: site, store: store, fileSystem: fileSystem, log: &log)
        let pages = PageLoader.paths(in: site, fileSystem: fileSystem, log: &other).compactMap { path -> Page? in
            guard var page = PageLoader.load(path, in: site, fileSystem: fileSystem, log: &other) else { return nil }
            _ = store.add(page.body, of: page.sourcePath)
            page.body = ""
            return page
        }
        let staticFiles = FolderListing.files(below: "static", in: site, fileSystem: fileSystem, log: &other).map { path in
            let url = site.file(path)
            return CopiedFile(sourceURL: url, outputPath: String(path.dropFirst("static/".count)), isSitemapPage: isSitemapPage(url, fileSystem: fileSystem))
        }
        guard let theme else { return nil }
        let source = SiteSource(
            folder: site, config: config, items: items, pages: pages,
            staticFiles: staticFiles, bundleFiles: bundleFiles, itemCache: records, theme: theme, bodies: store,
            fileSystem: fileSystem
        )
        return LoadedSite(source: source, sources: sources, otherDiagnostics: other.diagnostics, bodies: bodies)
    }

    /// The site of `previous` with the item files in `changed` (site-relative paths, each a
    /// single-file item directly in the news folder, written, added or removed) read again and
    /// every other item taken as it was, without looking at its file.
    static func reload(_ previous: LoadedSite, changed: Set<String>, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> LoadedSite {
        var loaded = previous
        let site = previous.source.folder
        var sources = previous.sources.filter { !changed.contains($0.markdownPath) }
        for path in changed where FolderListing.isFile(path, in: site, fileSystem: fileSystem) {
            let name = path.dropFirst(NewsItemLoader.newsFolder.count + 1)
            guard let stem = ContentFile.markdownStem(String(name)) else { continue }
            let added = NewsItemLoader.Source(markdownPath: path, bundlePath: nil, name: stem)
            var low = 0, high = sources.count
            while low < high {
                let middle = (low + high) / 2
                if sources[middle].entryName < name { low = middle + 1 } else { high = middle }
            }
            sources.insert(added, at: low)
        }
        let config = previous.source.config
        // A new store: the last one's parses of pages and items are read again when a page needs
        // them, and a body it found gone is not gone for this build.
        let store = BodyStore(folder: site, fileSystem: fileSystem, allowsRawHTML: config.allowsRawHTML, options: previous.bodies)
        let (items, records) = loadItems(sources, unchangedSince: changed, cache: previous.source.itemCache, config: config, site: site, store: store, fileSystem: fileSystem, log: &log)
        log.add(contentsOf: previous.otherDiagnostics)
        loaded.sources = sources
        loaded.source.items = items
        loaded.source.itemCache = records
        loaded.source.bodies = store
        return loaded
    }

    /// Loads the items of `sources`, reusing the record in `cache` of each file still as it was:
    /// with `unchangedSince` nil, a file whose size, time and inode match; otherwise every file
    /// not in that set, without looking at it.
    private static func loadItems(_ sources: [NewsItemLoader.Source], unchangedSince changed: Set<String>?, cache: ItemCache, config: SiteConfig, site: SourceFolder, store: BodyStore, fileSystem: FileSystem, log: inout DiagnosticLog) -> ([NewsItem], ItemCache) {
        let dates = DateParser(timeZone: config.timeZone)
        let siteFolder = fileSystem.openFolder(site.url.path)
        func load(_ source: NewsItemLoader.Source) -> (ItemCache.Record, reused: Bool) {
            if let changed, !changed.contains(source.markdownPath), let record = cache.records[source.markdownPath] {
                return (record, true)
            }
            let fingerprint = ItemCache.Fingerprint.of(fileSystem.status(source.markdownPath, in: siteFolder))
            if changed == nil, let fingerprint, let record = cache.records[source.markdownPath], record.fingerprint == fingerprint {
                return (record, true)
            }
            var local = DiagnosticLog()
            var item = NewsItemLoader.load(source, in: site, dates: dates, fileSystem: fileSystem, log: &local)
            if let body = item?.body {
                // The one parse of this body: the store keeps it for the page and the feeds.
                let parsed = store.add(body, of: source.markdownPath)
                if item?.summary == nil { item?.leadParagraph = parsed.firstParagraph }
                item?.body = ""
            }
            // No fingerprint (the file went away while it was read): not kept for the next build.
            return (ItemCache.Record(fingerprint: fingerprint ?? .init(size: -1, modified: 0, inode: 0), item: item, diagnostics: local.diagnostics), false)
        }
        let loaded: [(ItemCache.Record, reused: Bool)]
        if let changed {
            loaded = sources.map { changed.contains($0.markdownPath) ? load($0) : (cache.records[$0.markdownPath].map { ($0, true) } ?? load($0)) }
        } else {
            loaded = ParallelMap.run(sources.count) { load(sources[$0]) }
        }
        var items: [NewsItem] = []
        var records = ItemCache()
        records.header = ItemCache.header(timeZone: config.timeZone, site: site)
        records.records.reserveCapacity(sources.count)
        items.reserveCapacity(sources.count)
        records.changed = loaded.contains { !$0.reused } || cache.records.count != loaded.count
        for (source, (record, _)) in zip(sources, loaded) {
            log.add(contentsOf: record.diagnostics)
            if let item = record.item { items.append(item) }
            if record.fingerprint.size >= 0 {
                records.records[source.markdownPath] = record
            }
        }
        ItemIDs.assign(&items, baseURL: config.baseURL, folder: site, log: &log)
        return (items, records)
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
