import Foundation
import NewsroomXML

/// Which sitemap file lists each published URL, decided without writing a URL.
///
/// A small site has one `sitemap.xml`. Past `singleFileLimit` URLs, `sitemap.xml` is an index of
/// parts that stay as they are while the site grows, so one new item rewrites a few small files
/// instead of every URL: `sitemap-news-YYYY.xml` holds the year's items and the full listing
/// pages whose newest item is of that year (a full page never changes again), and
/// `sitemap-pages.xml` holds what a new item can change: the home page, the site's pages, the
/// tag index and the listing pages still filling. A part past the protocol's 50,000 URLs is
/// numbered (`sitemap-pages-1.xml`, …).
struct SitemapLayout {
    /// One URL, as positions into the plan: a listing page's last change is the date of the
    /// item at `changedWith` (-1: none), not the date itself, so that an entry takes a few
    /// words (a large site has one per item and listing page, several lists of them at once).
    enum Entry {
        case home
        case tagIndex
        case item(Int)
        case page(String)
        case listingPage(listing: Int32, page: Int32, changedWith: Int32)
    }

    struct Part {
        var file: String
        var entries: [Entry]
    }

    static let singleFileLimit = 1_000

    /// The files, in the order they are written; when `isIndex`, `sitemap.xml` lists them.
    let parts: [Part]
    let isIndex: Bool
    /// The newest item's date: the home page's and the tag index's last change.
    let newest: PublicationDate?
    /// The plan's listings, which it puts together on each use.
    let listings: [Listing]

    init(plan: SitePlan, limit: Int = SitemapWriter.limit, singleFileLimit: Int = Self.singleFileLimit) {
        newest = plan.items.first.map { $0.updated ?? $0.date }
        listings = plan.listings
        var volatile: [Entry] = [.home]
        let pages = plan.pageFiles.map(Entry.page) + plan.copies.filter(\.isSitemapPage).map { Entry.page($0.outputPath) }
        var listingPages: [Entry] = []
        var fixedByYear: [Int: [Entry]] = [:]
        for (index, listing) in listings.enumerated() {
            for page in 1...listing.pageCount {
                // A fixed page changes with its own items only: it is as new as its newest.
                if listing.isFixed(page: page) {
                    let own = Self.newest(of: listing.items(onPage: page), plan: plan)
                    let entry = Entry.listingPage(listing: Int32(index), page: Int32(page), changedWith: Int32(own ?? -1))
                    listingPages.append(entry)
                    fixedByYear[own.map { Self.lastChange(of: $0, plan: plan).year } ?? 0, default: []].append(entry)
                } else {
                    let entry = Entry.listingPage(listing: Int32(index), page: Int32(page), changedWith: Int32(listing.items.first ?? -1))
                    listingPages.append(entry)
                    volatile.append(entry)
                }
            }
        }
        let count = 2 + plan.items.count + pages.count + listingPages.count
        guard count > singleFileLimit else {
            parts = [Part(file: SitePlan.sitemapFile, entries: [.home] + plan.items.indices.map(Entry.item) + pages + listingPages + [.tagIndex])]
            isIndex = false
            return
        }
        volatile.insert(contentsOf: pages, at: 1)
        volatile.append(.tagIndex)
        var byYear: [Int: [Entry]] = [:]
        for (position, item) in plan.items.enumerated() { byYear[item.date.year, default: []].append(.item(position)) }
        var named = [("pages", volatile)]
        for year in Set(byYear.keys).union(fixedByYear.keys).sorted(by: >) {
            named.append(("news-\(year)", (byYear[year] ?? []) + (fixedByYear[year] ?? [])))
        }
        parts = named.flatMap { name, entries -> [Part] in
            guard entries.count > limit else { return [Part(file: "sitemap-\(name).xml", entries: entries)] }
            return stride(from: 0, to: entries.count, by: limit).enumerated().map { number, start in
                Part(file: "sitemap-\(name)-\(number + 1).xml", entries: Array(entries[start..<min(start + limit, entries.count)]))
            }
        }
        isIndex = true
    }

    /// The last change of `entry`'s page, as the sitemap gives it.
    func lastModified(_ entry: Entry, plan: SitePlan) -> PublicationDate? {
        switch entry {
        case .home, .tagIndex: return newest
        case .item(let position): return Self.lastChange(of: position, plan: plan)
        case .page: return nil
        case .listingPage(_, _, let position): return position < 0 ? nil : Self.lastChange(of: Int(position), plan: plan)
        }
    }

    /// The item at `position`'s last change: when it was updated, else published.
    private static func lastChange(of position: Int, plan: SitePlan) -> PublicationDate {
        plan.items[position].updated ?? plan.items[position].date
    }

    /// The position among `positions` of the item changed last (the first of equals), nil for none.
    private static func newest(of positions: some Sequence<Int>, plan: SitePlan) -> Int? {
        var newest: (position: Int, date: PublicationDate)?
        for position in positions {
            let date = lastChange(of: position, plan: plan)
            if newest.map({ $0.date < date }) ?? true { newest = (position, date) }
        }
        return newest?.position
    }

    /// The newest last change among a part's entries: the index's date for it.
    func lastModified(of part: Part, plan: SitePlan) -> PublicationDate? {
        part.entries.compactMap { lastModified($0, plan: plan) }.max()
    }

    /// What a part lists, as a key: each entry's URL and date, through the items' cards.
    func key(of part: Part, plan: SitePlan, keys: RenderKeys) -> UInt64 {
        var hasher = KeyHasher()
        hasher.combine(keys.global)
        hasher.combine("sitemap:" + part.file)
        for entry in part.entries {
            switch entry {
            case .home: hasher.combine("home")
            case .tagIndex: hasher.combine("tags")
            case .item(let position):
                // The card holds the item's file and date.
                hasher.combine(keys.cards[position])
            case .page(let file): hasher.combine(file)
            case .listingPage(let listing, let page, _):
                hasher.combine(listings[Int(listing)].folder)
                hasher.combine(Int(page))
                hasher.combine(Int(page) == listings[Int(listing)].frontPage)
            }
            let date = lastModified(entry, plan: plan)
            hasher.combine(date != nil)
            if let date { hasher.combine(date: date) }
        }
        return hasher.value
    }

    /// The index's key: each part's file and date.
    func indexKey(plan: SitePlan, keys: RenderKeys) -> UInt64 {
        var hasher = KeyHasher()
        hasher.combine(keys.global)
        hasher.combine("sitemap-index")
        for part in parts {
            hasher.combine(part.file)
            let date = lastModified(of: part, plan: plan)
            hasher.combine(date != nil)
            if let date { hasher.combine(date: date) }
        }
        return hasher.value
    }

    /// A part's URLs.
    func urls(of part: Part, plan: SitePlan, linker: Linker) -> [SitemapURL] {
        part.entries.map { entry in
            let file: String
            switch entry {
            case .home: file = SitePlan.homeFile
            case .tagIndex: file = SitePlan.tagsFile
            case .item(let position): file = plan.itemFiles[position]
            case .page(let page): file = page
            case .listingPage(let listing, let page, _): file = listings[Int(listing)].file(page: Int(page))
            }
            return SitemapURL(location: linker.absolute(file), lastModified: lastModified(entry, plan: plan)?.iso8601)
        }
    }

    /// The index at `sitemap.xml`.
    func index(plan: SitePlan, linker: Linker) -> String {
        SitemapWriter.index(parts.map { SitemapURL(location: linker.absolute($0.file), lastModified: lastModified(of: $0, plan: plan)?.iso8601) })
    }
}
