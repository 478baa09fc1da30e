import Foundation

/// `generate import`: reads an archive, converts each entry to Newsroom's format with its links
/// pointing at the new sources and its old URLs as aliases, and writes the lot into the site.
public enum Importer {
    /// The report, and the located errors of bad source files (the rest is imported anyway).
    public struct Outcome: Sendable {
        public var report: ImportReport
        public var diagnostics: [Diagnostic]
        /// True when no file was written because of an error (an existing file, a failed write).
        public var wroteNothing: Bool
    }

    public static func run(_ options: ImportOptions) -> Outcome {
        var report = ImportReport()
        var log = DiagnosticLog()
        var archive = read(options, report: &report, log: &log)
        if let baseURL = options.baseURL { archive.site.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let planned = plan(archive.entries, report: &report, archive: archive)
        let idHost = idHost(site: options.site, old: archive.site, fileSystem: options.fileSystem)
        var files = convert(planned, archive: archive, site: options.site, idHost: idHost, report: &report)
        if let settings = SiteSettings.file(for: archive.site, site: options.site, fileSystem: options.fileSystem, report: &report) {
            files.append(settings)
        }
        files.sort { $0.path < $1.path }
        report.written = files.map { options.site.display($0.path) }
        guard !options.dryRun else { return Outcome(report: report, diagnostics: log.sorted, wroteNothing: true) }
        let failures = ImportWriter(site: options.site, fileSystem: options.fileSystem).write(files, force: options.force)
        log.add(contentsOf: failures)
        return Outcome(report: report, diagnostics: log.sorted, wroteNothing: !failures.isEmpty)
    }

    private static func read(_ options: ImportOptions, report: inout ImportReport, log: inout DiagnosticLog) -> Archive {
        let source = options.source
        if options.kind == .wordpress {
            return WordPressSource.read(source, fileSystem: options.fileSystem, report: &report, log: &log)
        }
        guard options.fileSystem.status(source.url.path, following: true)?.isDirectory == true else {
            log.error("this is not a folder to import from", at: SourceLocation(path: source.displayName))
            return Archive()
        }
        let folder = ArchiveFolder(root: source.url.path, display: source.displayName, fileSystem: options.fileSystem)
        switch options.kind {
        case .jekyll: return JekyllSource.read(folder, permalink: options.permalink, report: &report, log: &log)
        case .hugo: return HugoSource.read(folder, permalink: options.permalink, report: &report, log: &log)
        case .markdown, .wordpress:
            return MarkdownSource.read(folder, permalink: options.permalink, timeZone: TimeZone(identifier: "UTC")!, report: &report, log: &log)
        }
    }

    /// Gives each entry its file name, unique within the site: `YYYY-MM-DD-slug` for items,
    /// the slug for pages.
    private static func plan(_ entries: [ImportedEntry], report: inout ImportReport, archive: Archive) -> [PlannedEntry] {
        var taken = Set<String>()
        var planned: [PlannedEntry] = []
        for var entry in entries.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            let shown = archive.folder?.shown(entry.sourcePath) ?? entry.sourcePath
            if entry.slug.isEmpty { entry.slug = "untitled" }
            let prefix: String
            if entry.kind == .item, let date = entry.date {
                prefix = "content/news/" + date.isoDay + "-"
            } else {
                prefix = "content/pages/"
            }
            var slug = entry.slug
            var counter = 2
            while taken.contains(prefix + slug) {
                slug = "\(entry.slug)-\(counter)"
                counter += 1
            }
            if slug != entry.slug { report.need("a second entry with the slug '\(entry.slug)': imported as '\(slug)'", at: shown, line: 1) }
            entry.slug = slug
            taken.insert(prefix + slug)
            planned.append(PlannedEntry(entry: entry, stem: prefix + slug))
        }
        return planned
    }

    /// Every entry's text and the files it brings along.
    /// The host of each item's permanent `id` (a tag URI): the site's own `base_url` when it has
    /// a `site.yml`, else the old site's address that the new `site.yml` is given.
    private static func idHost(site: SourceFolder, old: OldSite, fileSystem: FileSystem) -> String {
        var ignored = DiagnosticLog()
        if fileSystem.status(site.path("site.yml"), following: true) != nil,
           let config = SiteConfigLoader.load(from: site, fileSystem: fileSystem, log: &ignored),
           let host = URL(string: config.baseURL)?.host?.lowercased() {
            return host
        }
        return old.host ?? "example.org"
    }

    private static func convert(_ initial: [PlannedEntry], archive: Archive, site: SourceFolder, idHost: String, report: inout ImportReport) -> [ImportedFile] {
        // First pass: which items have local images and so become bundles (links to them differ).
        var planned = initial
        let first = LinkResolver(archive: archive, planned: planned)
        for index in planned.indices where planned[index].entry.kind == .item {
            var scratch = ImportReport()
            let converted = EntryConversion.convert(index, resolver: first, report: &scratch)
            planned[index].isBundle = !converted.assets.bundle.isEmpty
        }
        let resolver = LinkResolver(archive: archive, planned: planned)
        var files: [ImportedFile] = []
        var staticFiles: [String: String] = [:]
        // Every new page's file, so an old URL that one of them now answers (or that two entries
        // shared) is not made an alias the build would reject as a second claim.
        var claimed = Set(planned.compactMap { $0.entry.kind == .item ? $0.newPageFile : $0.entry.slug + "/index.html" })
        for index in planned.indices {
            let plan = planned[index]
            var converted = EntryConversion.convert(index, resolver: resolver, report: &report)
            var aliases: [String] = []
            for path in plan.entry.kind == .item ? aliasPaths(of: plan) : [] {
                guard let file = SitePlanner.aliasFile(path), claimed.insert(file).inserted else {
                    report.need("the old URL '\(path)' is already another page's; no alias is made for it", at: site.display(plan.file))
                    continue
                }
                aliases.append(path)
            }
            let frontMatter = FrontMatterWriter.text(for: plan.entry, image: converted.image, aliases: aliases, idHost: idHost)
            let offset = frontMatter.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let shown = site.display(plan.file)
            for need in converted.needs { report.need(need.message, at: shown, line: need.line + offset) }
            converted.needs = []
            files.append(ImportedFile(path: plan.file, contents: .text(frontMatter + converted.body + (converted.body.hasSuffix("\n") ? "" : "\n"))))
            for (name, source) in converted.assets.bundle.sorted(by: { $0.key < $1.key }) {
                files.append(ImportedFile(path: plan.stem + "/" + name, contents: .copy(source)))
                report.images += 1
            }
            staticFiles.merge(converted.assets.staticFiles) { old, _ in old }
            report.aliases += aliases.count
            if plan.entry.kind == .item {
                report.items += 1
                if plan.entry.draft { report.drafts += 1 }
            } else {
                report.pages += 1
                files += redirects(for: plan, report: &report, archive: archive)
            }
        }
        for listing in archive.listings.sorted() where listing != "/news" {
            let file = String(listing.dropFirst()) + "/index.html"
            let target = ImportPaths.relative(from: (file as NSString).deletingLastPathComponent, to: "news/index.html")
            files.append(ImportedFile(path: "static/" + file, contents: .text(RedirectPage.html(to: target))))
            report.aliases += 1
        }
        for (path, source) in staticFiles.sorted(by: { $0.key < $1.key }) {
            files.append(ImportedFile(path: "static/" + path, contents: .copy(source)))
            if ImportPaths.isImage(path) { report.images += 1 } else { report.files += 1 }
        }
        return files
    }

    /// The item's old URLs as alias paths: its own, and those its front matter listed, without
    /// the new page's own URL.
    private static func aliasPaths(of plan: PlannedEntry) -> [String] {
        // A draft was never published: it has no old URL to keep.
        guard !plan.entry.draft else { return [] }
        var paths: [String] = []
        for url in [plan.entry.oldURL].compactMap({ $0 }) + plan.entry.oldAliases {
            guard let path = ImportPaths.aliasPath(url), !paths.contains(path),
                  SitePlanner.aliasFile(path) != plan.newPageFile else { continue }
            paths.append(path)
        }
        return paths
    }

    /// Pages take no aliases: a page whose old URL differs from `/<slug>/` gets a small redirect
    /// page under `static/` at the old URL instead.
    private static func redirects(for plan: PlannedEntry, report: inout ImportReport, archive: Archive) -> [ImportedFile] {
        var files: [ImportedFile] = []
        for url in [plan.entry.oldURL].compactMap({ $0 }) + plan.entry.oldAliases {
            guard let path = ImportPaths.aliasPath(url), let file = SitePlanner.aliasFile(path),
                  file != plan.entry.slug + "/index.html" else { continue }
            let folder = (file as NSString).deletingLastPathComponent
            let target = ImportPaths.relative(from: folder, to: plan.entry.slug + "/index.html")
            files.append(ImportedFile(path: "static/" + file, contents: .text(RedirectPage.html(to: target))))
            report.aliases += 1
        }
        return files
    }
}
