import Foundation

/// What each page is made from, reduced to one 64-bit key per page. A rebuild renders a page
/// again only when its key differs from the one stored with the previous build (or the file
/// on disk was touched), so a rebuild with no change writes nothing.
struct RenderKeys: Sendable {
    /// Everything every page depends on: the generator itself, the theme's icons, `site.yml`,
    /// options.
    let global: UInt64
    /// Each layout's templates hashed (see `TemplateUses`): a page's key holds its own layout's.
    let layouts: [String: UInt64]
    /// Every source → output path pair (links are rewritten through it), as of the start of
    /// its epoch (see `MappingEpoch`).
    let mapping: UInt64
    /// What an item's card shows (title, date, URL, summary, tags …), by position.
    let cards: [UInt64]

    init(
        source: SiteSource, plan: SitePlan, sitePages: [(title: String, file: String)], thankYou: String? = nil, summaries: [String],
        publication: Publication, bannerShowing: Bool, mapping: UInt64? = nil, images: UInt64 = 0, layouts: [String: UInt64] = [:]
    ) {
        var global = KeyHasher()
        global.combine("newsroom-render-cache-2")
        global.combine(inputsOf: source, templates: false)
        global.combine(source.config.baseURL)
        global.combine(source.config.cleanURLs)
        global.combine(publication.includeDrafts)
        global.combine(publication.includeFuture)
        global.combine(bannerShowing)
        // Pages write each image's size and narrower copies into their markup.
        global.combine(images)
        for tag in plan.tags { global.combine(tag.slug + "=" + tag.name) }
        // Every page's footer lists the site's pages by title.
        for (title, file) in sitePages { global.combine(file + "=" + title) }
        // The newsletter form's thank-you address is resolved through the map without an error
        // when nothing answers (it may be outside the site), so it is keyed as resolved.
        global.combine(thankYou ?? "")
        self.global = global.value
        self.layouts = layouts
        self.mapping = mapping ?? plan.index.digest
        // On all cores: this runs before any page renders.
        self.cards = plan.items.withUnsafeBufferPointer { items in
            ParallelMap.run(items.count) { position in
                var card = KeyHasher()
                card.combine(items[position].title)
                card.combine(date: items[position].date)
                card.combine(plan.itemFiles[position])
                card.combine(summaries[position])
                card.combine(items[position].location ?? "")
                card.combine(items[position].image.map { $0.src + "\u{0}" + $0.alt } ?? "")
                card.combine(items[position].draft)
                card.combine(publication.isScheduled(items[position]))
                for tag in plan.itemTags[position] { card.combine(plan.tags[tag].slug) }
                return card.value
            }
        }
    }

    /// - Parameter layout: the layout the page is made with; nil for a file made without one.
    private func start(_ kind: String, layout: String?) -> KeyHasher {
        var hasher = KeyHasher()
        hasher.combine(global)
        hasher.combine(kind)
        if let layout {
            hasher.combine(layout)
            // A layout the theme lacks is an error, and its pages are never kept.
            hasher.combine(layouts[layout] ?? 0)
        }
        return hasher
    }

    /// - Parameter linked: the content hashes of the pages its body links to with a `#fragment`.
    func item(_ position: Int, contentHash: UInt64, neighbours: [Int?], related: [Int], linked: [UInt64] = []) -> UInt64 {
        var hasher = start("item", layout: "item")
        hasher.combine(mapping)
        hasher.combine(contentHash)
        for hash in linked { hasher.combine(hash) }
        hasher.combine(cards[position])
        for neighbour in neighbours { hasher.combine(neighbour.map { cards[$0] } ?? 0) }
        for other in related { hasher.combine(cards[other]) }
        return hasher.value
    }

    /// An item's body as written for its page at `file` (see `RenderedBodies`): what it links
    /// to and how is in `global` and `mapping`, what its `#fragment` links check in `linked`.
    func body(file: String, contentHash: UInt64, linked: [UInt64]) -> UInt64 {
        var hasher = start("body", layout: nil)
        hasher.combine(mapping)
        hasher.combine(file)
        hasher.combine(contentHash)
        for hash in linked { hasher.combine(hash) }
        return hasher.value
    }

    func page(contentHash: UInt64, layout: String, linked: [UInt64] = []) -> UInt64 {
        var hasher = start("page", layout: layout)
        hasher.combine(mapping)
        hasher.combine(contentHash)
        for hash in linked { hasher.combine(hash) }
        return hasher.value
    }

    /// A list of cards with some words around them (listing pages, home, 404, tag index, made
    /// with `layout`; feeds, made with none).
    func cards(_ kind: String, _ positions: some Sequence<Int>, extra: [String], layout: String?) -> UInt64 {
        var hasher = start(kind, layout: layout)
        for position in positions { hasher.combine(cards[position]) }
        for text in extra { hasher.combine(text) }
        return hasher.value
    }
}

extension KeyHasher {
    /// A date by its fields (cheaper than its text, and the same for the same fields).
    mutating func combine(date: PublicationDate) {
        combine(date.year)
        combine(date.month)
        combine(date.day)
        combine(date.hour)
        combine(date.minute)
        combine(date.second)
        combine(date.offsetSeconds)
        combine(date.hasTime)
    }
}
