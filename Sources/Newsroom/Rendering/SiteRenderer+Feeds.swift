import Foundation
import NewsroomFeeds
import NewsroomXML

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
            return .text(file, FeedSizeCap.write(feed, as: format, maxBytes: config.feed.maxBytes))
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

    /// `sitemap.xml` (an index of numbered sitemaps past 50,000 URLs) and `robots.txt`.
    func renderSitemap() -> [OutputFile] {
        var urls: [SitemapURL] = []
        let newestDate = plan.items.first.map { ($0.updated ?? $0.date).iso8601 }
        urls.append(SitemapURL(location: linker.absolute(SitePlan.homeFile), lastModified: newestDate))
        for (position, item) in plan.items.enumerated() {
            urls.append(SitemapURL(location: linker.absolute(plan.itemFiles[position]), lastModified: (item.updated ?? item.date).iso8601))
        }
        for file in plan.pageFiles {
            urls.append(SitemapURL(location: linker.absolute(file), lastModified: nil))
        }
        for copy in plan.copies where copy.isSitemapPage {
            urls.append(SitemapURL(location: linker.absolute(copy.outputPath), lastModified: nil))
        }
        for listing in plan.listings {
            let newest = listing.items.first.map { (plan.items[$0].updated ?? plan.items[$0].date).iso8601 }
            for page in 1...listing.pageCount {
                // A fixed page changes with its own items only: it is as new as its newest.
                let lastModified = listing.isFixed(page: page)
                    ? listing.items(onPage: page).map { plan.items[$0].updated ?? plan.items[$0].date }.max()?.iso8601 : newest
                urls.append(SitemapURL(location: linker.absolute(listing.file(page: page)), lastModified: lastModified))
            }
        }
        urls.append(SitemapURL(location: linker.absolute(SitePlan.tagsFile), lastModified: newestDate))
        var files = Self.sitemapFiles(urls, lastModified: newestDate, linker: linker)
        files.append(.text(SitePlan.robotsFile, "User-agent: *\nAllow: /\n\nSitemap: \(linker.absolute(SitePlan.sitemapFile))\n"))
        return files
    }

    /// One `sitemap.xml`, or past `limit` URLs numbered sitemaps and an index at `sitemap.xml`.
    static func sitemapFiles(_ urls: [SitemapURL], lastModified: String?, linker: Linker, limit: Int = SitemapWriter.limit) -> [OutputFile] {
        guard urls.count > limit else { return [.text(SitePlan.sitemapFile, SitemapWriter.urlSet(urls))] }
        var files: [OutputFile] = []
        var parts: [SitemapURL] = []
        for (number, start) in stride(from: 0, to: urls.count, by: limit).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append(.text(name, SitemapWriter.urlSet(Array(urls[start..<min(start + limit, urls.count)]))))
            parts.append(SitemapURL(location: linker.absolute(name), lastModified: lastModified))
        }
        files.append(.text(SitePlan.sitemapFile, SitemapWriter.index(parts)))
        return files
    }
}
