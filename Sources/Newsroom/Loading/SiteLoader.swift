import Foundation

/// The loading stage: `site.yml`, the theme, news items, pages and static files.
enum SiteLoader {
    static func load(site: SourceFolder, themes: SourceFolder, baseURLOverride: String?, cleanURLs: Bool?, log: inout DiagnosticLog) -> SiteSource? {
        guard var config = SiteConfigLoader.load(from: site, log: &log) else { return nil }
        if let baseURLOverride {
            config.baseURL = baseURLOverride.hasSuffix("/") ? baseURLOverride : baseURLOverride + "/"
        }
        if let cleanURLs { config.cleanURLs = config.cleanURLs || cleanURLs }
        let theme = ThemeLoader.load(named: config.theme, themes: themes, site: site, log: &log)
        let dates = DateParser(timeZone: config.timeZone)

        let sources = NewsItemLoader.sources(in: site, log: &log)
        let loaded = ParallelMap.run(sources.count) { index -> (NewsItem?, [String]?, [Diagnostic]) in
            var local = DiagnosticLog()
            let source = sources[index]
            let item = NewsItemLoader.load(source, in: site, dates: dates, log: &local)
            let files = source.bundlePath.map { bundle in
                FolderListing.files(below: bundle, in: site, log: &local).filter { $0 != source.markdownPath }
            }
            return (item, files, local.diagnostics)
        }
        var items: [NewsItem] = []
        var bundleFiles: [String: [String]] = [:]
        for (source, (item, files, diagnostics)) in zip(sources, loaded) {
            log.add(contentsOf: diagnostics)
            if let item { items.append(item) }
            if let bundle = source.bundlePath { bundleFiles[bundle] = files ?? [] }
        }
        let pages = PageLoader.paths(in: site, log: &log).compactMap { PageLoader.load($0, in: site, log: &log) }
        let staticFiles = FolderListing.files(below: "static", in: site, log: &log).map {
            CopiedFile(sourceURL: site.file($0), outputPath: String($0.dropFirst("static/".count)))
        }
        guard let theme else { return nil }
        return SiteSource(
            folder: site, config: config, items: items, pages: pages,
            staticFiles: staticFiles, bundleFiles: bundleFiles, theme: theme
        )
    }
}
