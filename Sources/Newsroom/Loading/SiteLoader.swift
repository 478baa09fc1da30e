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
        // The last build's records are decoded on another core while the theme is read and the
        // news folder listed: neither needs the other, and at 100,000 items both take a while.
        let timeZone = config.timeZone
        let decoding = previousItems.map { records in BackgroundWork { records(timeZone, site) } }
        let theme = ThemeLoader.load(named: config.theme, themes: themes, site: site, fileSystem: fileSystem, log: &other)

        let sources = NewsItemLoader.sources(in: site, fileSystem: fileSystem, log: &other)
        // With records to reuse, the item files are looked at while the records are still being
        // decoded, which would otherwise leave a core waiting. Without, nothing is compared: each
        // file's fingerprint comes from reading it.
        let siteFolder = fileSystem.openFolder(site.url.path)
        let fingerprints = decoding.map { _ in
            ParallelMap.run(sources.count) { ItemCache.Fingerprint.of(fileSystem.status(sources[$0].markdownPath, in: siteFolder)) }
        }
        let cache = decoding?.wait() ?? ItemCache()
        let store = BodyStore(folder: site, fileSystem: fileSystem, allowsRawHTML: config.allowsRawHTML, handOver: bodies.handOver?(config), options: bodies)
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
        let (items, records) = loadItems(sources, fingerprints: fingerprints, siteFolder: siteFolder, cache: cache, config: config, site: site, store: store, fileSystem: fileSystem, log: &log)
        // The records as decoded: those reused are now held by `records` as well.
        BackgroundWork.release(consume cache)
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

    /// Updates `loaded` with the item files in `changed` (site-relative paths, each a
    /// single-file item directly in the news folder, written, added or removed) read again;
    /// every other item is taken as it was, without looking at its file. The lists are changed
    /// in place: held by `loaded` alone, none of the other items is copied.
    static func reload(_ loaded: inout LoadedSite, changed: Set<String>, fileSystem: FileSystem = .local, log: inout DiagnosticLog) {
        let site = loaded.source.folder
        let config = loaded.source.config
        // A new store: the last one's parses are read again when a page needs them, and a body
        // it found gone is not gone for this build.
        let store = BodyStore(folder: site, fileSystem: fileSystem, allowsRawHTML: config.allowsRawHTML, handOver: loaded.bodies.handOver?(config), options: loaded.bodies)
        let dates = DateParser(timeZone: config.timeZone)
        let siteFolder = fileSystem.openFolder(site.url.path)
        let host = ItemIDs.host(of: config.baseURL)
        loaded.source.itemCache.changed = !changed.isEmpty
        // The ids check depends on each item's path, id and where the id is written: with those
        // as they were for every item read again, it reports what it reported last time.
        var idsChanged = loaded.idDiagnostics == nil
        for path in changed.sorted() {
            // Both lists are in the folder's order, so the item's place is found by its name.
            let name = NewsItemLoader.entryName(of: path)
            let sourceIndex = loaded.sources.insertionIndex { NewsItemLoader.entryName(of: $0.bundlePath ?? $0.markdownPath) < name }
            let hadSource = sourceIndex < loaded.sources.count && loaded.sources[sourceIndex].markdownPath == path
            let itemIndex = loaded.source.items.insertionIndex { NewsItemLoader.entryName(of: $0.bundlePath ?? $0.sourcePath) < name }
            var before: (id: String, location: SourceLocation?)?
            if itemIndex < loaded.source.items.count, loaded.source.items[itemIndex].sourcePath == path {
                before = (loaded.source.items[itemIndex].id, loaded.source.items[itemIndex].idLocation)
            }
            // An item read again takes its own place: a removal and an insertion would each move
            // every item after it.
            guard FolderListing.isFile(path, in: site, fileSystem: fileSystem), let stem = ContentFile.markdownStem(String(name)) else {
                if hadSource { loaded.sources.remove(at: sourceIndex) }
                if before != nil { loaded.source.items.remove(at: itemIndex) }
                loaded.source.itemCache.records[path] = nil
                idsChanged = true
                continue
            }
            let source = NewsItemLoader.Source(markdownPath: path, bundlePath: nil, name: stem)
            if hadSource { loaded.sources[sourceIndex] = source } else { loaded.sources.insert(source, at: sourceIndex) }
            let fingerprint = ItemCache.Fingerprint.of(fileSystem.status(path, in: siteFolder))
            let record = loadItem(source, fingerprint: .taken(fingerprint), site: site, siteFolder: siteFolder, dates: dates, host: host, store: store, fileSystem: fileSystem)
            if record.fingerprint.size >= 0 {
                loaded.source.itemCache.records[path] = record
            } else {
                loaded.source.itemCache.records[path] = nil
                log.add(contentsOf: record.diagnostics)
            }
            switch (record.item, before != nil) {
            case (let item?, true): loaded.source.items[itemIndex] = item
            case (let item?, false): loaded.source.items.insert(item, at: itemIndex)
            case (nil, true): loaded.source.items.remove(at: itemIndex)
            case (nil, false): break
            }
            if before.map({ $0.id != record.item?.id || $0.location != record.item?.idLocation }) ?? true { idsChanged = true }
        }
        for record in loaded.source.itemCache.records.values where !record.diagnostics.isEmpty {
            log.add(contentsOf: record.diagnostics)
        }
        if idsChanged {
            var ids = DiagnosticLog()
            ItemIDs.check(loaded.source.items, host: host, folder: site, log: &ids)
            loaded.idDiagnostics = ids.diagnostics
        }
        log.add(contentsOf: loaded.idDiagnostics ?? [])
        log.add(contentsOf: loaded.otherDiagnostics)
        loaded.source.bodies = store
    }

    /// Loads the items of `sources`, reusing the record in `cache` of each file whose size,
    /// time and inode (its entry in `fingerprints`, nil for a file that could not be looked at)
    /// are as they were. Without `fingerprints` (nothing to reuse), each comes from reading the
    /// file, or from looking at it in `siteFolder` when it cannot be read.
    private static func loadItems(_ sources: [NewsItemLoader.Source], fingerprints: [ItemCache.Fingerprint?]?, siteFolder: OpenFolder, cache: ItemCache, config: SiteConfig, site: SourceFolder, store: BodyStore, fileSystem: FileSystem, log: inout DiagnosticLog) -> ([NewsItem], ItemCache) {
        let dates = DateParser(timeZone: config.timeZone)
        let host = ItemIDs.host(of: config.baseURL)
        let loaded = ParallelMap.run(sources.count) { index -> (ItemCache.Record, reused: Bool) in
            let source = sources[index]
            guard let fingerprints else {
                return (loadItem(source, fingerprint: .reading, site: site, siteFolder: siteFolder, dates: dates, host: host, store: store, fileSystem: fileSystem), false)
            }
            let fingerprint = fingerprints[index]
            if let fingerprint, var record = cache.records[source.markdownPath], record.fingerprint == fingerprint {
                // A record read from the state file has no derived id (it is not stored). It is
                // given before the item is shared by the list and the records: given after, each
                // of 100,000 items would be held twice, with and without it.
                if record.item?.idLocation == nil, var item = record.item {
                    record.item = nil
                    ItemIDs.derive(&item, host: host)
                    record.item = item
                }
                return (record, true)
            }
            return (loadItem(source, fingerprint: .taken(fingerprint), site: site, siteFolder: siteFolder, dates: dates, host: host, store: store, fileSystem: fileSystem), false)
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
        ItemIDs.check(items, host: host, folder: site, log: &log)
        return (items, records)
    }

    /// Reads one item file (by its path in `siteFolder`, the site held open), parsing its body
    /// into `store` and giving it its derived id (made with `host`) when it has none of its own.
    /// `fingerprint` is the file's, taken before it is read; nil when it could not be looked at,
    /// and the record's then has a size of -1 (it is not kept for the next build).
    private static func loadItem(_ source: NewsItemLoader.Source, fingerprint: FingerprintSource, site: SourceFolder, siteFolder: OpenFolder, dates: DateParser, host: String, store: BodyStore, fileSystem: FileSystem) -> ItemCache.Record {
        var local = DiagnosticLog()
        var readStatus: FileStatus?
        let loaded = NewsItemLoader.load(source, in: site, opened: siteFolder, dates: dates, fileSystem: fileSystem, readStatus: { readStatus = $0 }, log: &local)
        var item = loaded?.item
        if let body = loaded?.body {
            if item?.summary != nil, store.isFull {
                // Nothing to take from it now, and no room to keep it: parsed when it renders.
                store.addUnparsed(of: source.markdownPath)
            } else {
                // The one parse of this body: the store keeps it for the page and the feeds.
                let needsLead = item?.summary == nil
                let parsed = store.add(body, of: source.markdownPath, firstParagraph: needsLead)
                if needsLead { item?.leadParagraph = parsed.firstParagraph }
            }
        }
        if item?.idLocation == nil, item != nil { ItemIDs.derive(&item!, host: host) }
        let taken = switch fingerprint {
        case .taken(let given): given
        case .reading: ItemCache.Fingerprint.of(readStatus ?? fileSystem.status(source.markdownPath, in: siteFolder))
        }
        return ItemCache.Record(fingerprint: taken ?? .init(size: -1, modified: 0, inode: 0), item: item, diagnostics: local.diagnostics)
    }

    /// Where `loadItem` takes an item file's fingerprint from.
    private enum FingerprintSource {
        /// Taken before the file is read; nil when it could not be looked at.
        case taken(ItemCache.Fingerprint?)
        /// The status the file had as it was opened for reading; looked at in the site folder
        /// when it cannot be read.
        case reading
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
