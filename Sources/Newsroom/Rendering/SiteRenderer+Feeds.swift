import Foundation
import NewsroomFeeds
import NewsroomXML
import NewsroomMustache

extension SiteRenderer {
    /// The news feeds and each tag's, in every format.
    /// - Parameter only: the feed files to render (nil: all).
    func renderFeeds(only: Set<String>? = nil, log: inout DiagnosticLog) -> [OutputFile] {
        let chosen = plan.feeds.filter { only?.contains($0.file) ?? true }
        // Each body is written once with absolute links, however many feeds carry it.
        var absoluteBodies: [Int: String] = [:]
        if config.feed.fullContent {
            for listing in chosen.map(\.listing) {
                for position in listing.items.prefix(config.feed.items) where absoluteBodies[position] == nil {
                    let item = plan.items[position]
                    // Problems in the body are reported by its page; a file gone is reported once.
                    guard let parsed = source.bodies.parsed(item.sourcePath, contentHash: item.contentHash, log: &log) else { continue }
                    var ignored = DiagnosticLog()
                    let html = content.render(parsed, sourcePath: item.sourcePath, firstLine: item.bodyFirstLine, pageFile: plan.itemFiles[position], absolute: true, log: &ignored).html
                    absoluteBodies[position] = FragmentLinks.absolute(in: html, permalink: linker.absolute(plan.itemFiles[position]))
                }
            }
        }
        let images = FeedImages(renderer: self)
        var feeds: [String: Feed] = [:]
        return chosen.map { file, format, listing in
            let model = feeds[listing.folder] ?? feed(listing, bodies: absoluteBodies, images: images)
            feeds[listing.folder] = model
            var feed = model
            feed.selfURL = linker.absolute(file)
            return OutputFile(path: file, content: .data(Data(FeedSizeCap.write(feed, as: format, maxBytes: config.feed.maxBytes))))
        }
    }

    /// The feed of `listing`, format aside: its newest items, with the self URL left to each format.
    private func feed(_ listing: Listing, bodies: [Int: String], images: FeedImages) -> Feed {
        let title = listing.kind == .tag ? "\(config.title): \(listing.title)" : config.title
        let positions = Array(listing.items.prefix(config.feed.items))
        let entries = positions.map { position -> FeedEntry in
            let item = plan.items[position]
            return FeedEntry(
                id: item.id,
                title: item.title,
                url: linker.absolute(plan.itemFiles[position]),
                published: Self.feedDate(item.date),
                updated: item.updated.map(Self.feedDate),
                summary: summaries[position],
                contentHTML: bodies[position],
                categories: plan.itemTags[position].map { plan.tags[$0].name },
                author: item.author,
                image: images.image(of: position)
            )
        }
        let newest = positions.map { plan.items[$0].updated ?? plan.items[$0].date }.max()
        return Feed(
            title: title,
            description: config.description,
            language: config.language,
            homeURL: linker.absolute(listing.frontFile),
            selfURL: "",
            author: config.title,
            hubs: config.feed.hubs,
            updated: newest.map(Self.feedDate),
            entries: entries
        )
    }

    static func feedDate(_ date: PublicationDate) -> FeedDate {
        FeedDate(rfc822: date.rfc822, rfc3339: date.iso8601)
    }

    /// The sitemap's files (see `SitemapLayout`) and `robots.txt`. With keys, each file whose key
    /// says nothing it lists changed is kept as the previous build wrote it.
    func renderSitemap(log: inout DiagnosticLog) -> [OutputFile] {
        // A body edit changes no URL, card or date: the files are the last build's, which it
        // found once for this plan.
        if editedPages != nil {
            let paths = sitemapFiles.value(0) { Self.files(of: SitemapLayout(plan: plan, singleFileLimit: sitemapSplitAbove)) }
            if keptAsBefore(paths) { return paths.map { OutputFile(path: $0, content: .kept) } }
        }
        let layout = SitemapLayout(plan: plan, singleFileLimit: sitemapSplitAbove)
        // The parts' names depend on the items' years, known only now: the plan claimed
        // `sitemap.xml` alone, so a file of the site's with a part's name is caught here.
        if layout.isIndex {
            let clashes = layout.parts.compactMap { part in plan.index.owners[OutputIndex.folded(part.file)].map { (part.file, $0) } }
            for (file, owner) in clashes {
                let source = plan.index.fileBySource.first { OutputIndex.folded($0.value) == OutputIndex.folded(file) }?.key
                log.error(
                    "'\(file)' would be written twice: by the sitemap's parts and by \(owner); rename the file",
                    at: source.map { self.source.folder.location($0) } ?? self.source.folder.location("site.yml")
                )
            }
            if !clashes.isEmpty { return [] }
        }
        _ = sitemapFiles.value(0) { Self.files(of: layout) }
        var files: [OutputFile] = []
        func add(_ path: String, key: UInt64?, _ text: () -> String) {
            if let key, let isFresh, isFresh(path, key) {
                files.append(OutputFile(path: path, content: .kept))
                return
            }
            var file = OutputFile.text(path, text())
            file.cacheKey = key ?? 0
            files.append(file)
        }
        for part in layout.parts {
            add(part.file, key: keys.map { layout.key(of: part, plan: plan, keys: $0) }) {
                SitemapWriter.urlSet(layout.urls(of: part, plan: plan, linker: linker))
            }
        }
        if layout.isIndex {
            add(SitePlan.sitemapFile, key: keys.map { layout.indexKey(plan: plan, keys: $0) }) { layout.index(plan: plan, linker: linker) }
        }
        // It names the sitemap by its absolute URL: the base URL, which the global key holds.
        add(SitePlan.robotsFile, key: keys?.global) { "User-agent: *\nAllow: /\n\nSitemap: \(linker.absolute(SitePlan.sitemapFile))\n" }
        return files
    }

    private static func files(of layout: SitemapLayout) -> [String] {
        layout.parts.map(\.file) + (layout.isIndex ? [SitePlan.sitemapFile] : []) + [SitePlan.robotsFile]
    }
}
