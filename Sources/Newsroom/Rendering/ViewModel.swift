import Foundation
import NewsroomFeeds
import NewsroomMustache

/// Builds the typed view models (`TemplateObject`) the layouts render. Every URL in them is already
/// relative to the page being rendered, so templates never compute paths.
///
/// A class: it holds the whole plan and configuration, which every render closure captures; as a
/// struct, each capture would retain each of their fields (see PERFORMANCE.md).
// Unchecked: only `let`s, read by the render's threads; `itemViews` says why it is safe.
final class ViewModel: @unchecked Sendable {
    let config: SiteConfig
    let linker: Linker
    let plan: SitePlan
    let menu: [(label: String, target: Link)]
    let bannerShowing: Bool
    let publication: Publication
    /// Where the list service sends people after signing up: an absolute URL, resolved once.
    let newsletterThankYou: String?
    /// The first items' dates as `date(_:)` gives them, and their cards, made once before pages
    /// render (`makeItemViews`): an item shows on many pages. The items past `keptCards` have
    /// their dates made where they are shown, as their cards are. Made before the pages and
    /// never changed after, so the render's threads read it without a lock.
    let itemViews: ItemViews
    /// Each tag as cards and item pages list it (name, link to the tag's first page), made once
    /// per tag; an item's list of them is made where it is shown (see `tags(of:)`), so the
    /// lists of all items are never held at once.
    let tagEntries: [TemplateValue]
    /// The pages a footer lists so that every page is reachable whatever the menu says: all but
    /// the newsletter thank-you page (the list service sends people there), by `menu` order, then
    /// as planned.
    let sitePages: [(title: String, file: String)]
    /// The keys no page changes (site, social links, chrome blocks): every page's bottom frame
    /// (see `common`).
    let siteWideKeys: TemplateObject
    /// The default of `GenerateOptions.keptCards`: about 650 bytes a card with its date, held
    /// while pages render; this many keep a site of 100,000 items within its memory also when
    /// every page renders again beside the last build's records (a theme edit).
    static let defaultKeptCards = 50_000

    /// How many items' cards are made once and kept (see `GenerateOptions.keptCards`).
    let keptCards: Int
    /// The processed images: a card shows a narrower copy, with its size.
    let images: ImageCatalog
    /// The most folders a target of `common`'s links lies in (see `linkPlace(of:)`).
    private let linkTargetDepth: Int
    /// `common`'s links for the pages deeper than their targets, by `linkPlace(of:)`: an item
    /// page's are those of every other item page.
    private let placeLinks = LockedMemo<LinkPlace, PageLinks>()

    /// A model whose item views start empty and whose item tags are made here, unless given.
    init(
        config: SiteConfig, linker: Linker, plan: SitePlan, menu: [(label: String, target: Link)],
        bannerShowing: Bool, publication: Publication, newsletterThankYou: String?, thankYouFile: String? = nil,
        itemViews: ItemViews = ItemViews(), tagEntries: [TemplateValue]? = nil, sitePages: [(title: String, file: String)]? = nil,
        keptCards: Int = ViewModel.defaultKeptCards, images: ImageCatalog = ImageCatalog()
    ) {
        self.keptCards = keptCards
        self.images = images
        self.config = config
        self.linker = linker
        self.plan = plan
        self.menu = menu
        self.bannerShowing = bannerShowing
        self.publication = publication
        self.newsletterThankYou = newsletterThankYou
        self.itemViews = itemViews
        self.tagEntries = tagEntries ?? Self.tagEntries(plan)
        let sitePages = sitePages ?? Self.sitePages(plan, leavingOut: thankYouFile)
        self.sitePages = sitePages
        siteWideKeys = Self.siteWideKeys(config, linker: linker, bannerShowing: bannerShowing, newsletterThankYou: newsletterThankYou)
        let targets = [SitePlan.homeFile, plan.news.frontFile, SitePlan.tagsFile, SitePlan.feedFile, Self.assetsTarget]
            + sitePages.map(\.file) + menu.compactMap { if case .file(let target) = $0.target { target } else { nil } }
        linkTargetDepth = targets.map(Self.depth).max() ?? 0
    }

    /// The same model writing its links with `linker` (the 404 page's root-relative one); the
    /// values made on first use are shared, none of them holds a relative link.
    convenience init(_ other: ViewModel, linker: Linker) {
        self.init(
            config: other.config, linker: linker, plan: other.plan, menu: other.menu,
            bannerShowing: other.bannerShowing, publication: other.publication, newsletterThankYou: other.newsletterThankYou,
            itemViews: other.itemViews, tagEntries: other.tagEntries, sitePages: other.sitePages, keptCards: other.keptCards, images: other.images
        )
    }

    /// Each tag's entry (see `tagEntries`).
    private static func tagEntries(_ plan: SitePlan) -> [TemplateValue] {
        plan.tags.indices.map { TemplateValue.object([.name: plan.tags[$0].name, .url: TemplateLink(plan.tagListings[$0].frontFile)]) }
    }

    private static func sitePages(_ plan: SitePlan, leavingOut hidden: String?) -> [(title: String, file: String)] {
        plan.pages.indices
            .filter { plan.pageFiles[$0] != hidden }
            .sorted { (plan.pages[$0].menuOrder ?? Int.max, $0) < (plan.pages[$1].menuOrder ?? Int.max, $1) }
            .map { (plan.pages[$0].title, plan.pageFiles[$0]) }
    }

    /// The date of the item at `position`.
    func itemDate(_ position: Int) -> TemplateObject {
        if position < itemViews.dates.count, let date = itemViews.dates[position] { return date }
        return date(plan.items[position].date)
    }

    /// Makes the dates and cards of the items at `positions` among the first `keptCards`, on
    /// all cores; called before pages render, with the items the pages to be rendered show.
    /// `summaries` are the ones every page shows.
    ///
    /// Items of one date share its object, and cards with one list of tags share that list:
    /// a large site keeps many of them.
    func makeItemViews(summaries: [String], for positions: [Int]) {
        let kept = min(plan.items.count, summaries.count, keptCards)
        if itemViews.cards.count != kept || itemViews.dates.count != kept {
            itemViews.dates = Array(repeating: nil, count: kept)
            itemViews.cards = Array(repeating: nil, count: kept)
        }
        let undated = positions.filter { $0 < kept && itemViews.dates[$0] == nil }
        let distinct = Array(Set(undated.map { plan.items[$0].date }))
        let dateOf = Dictionary(uniqueKeysWithValues: zip(distinct, ParallelMap.run(distinct.count) { self.date(distinct[$0]) }))
        for position in undated { itemViews.dates[position] = dateOf[plan.items[position].date] }
        // After the dates: a card shows its item's date.
        let carded = positions.filter { $0 < kept && itemViews.cards[$0] == nil }
        var tagLists: [[Int]: TemplateValue] = [:]
        for position in carded where tagLists[plan.itemTags[position]] == nil {
            tagLists[plan.itemTags[position]] = tags(of: position)
        }
        let cards = ParallelMap.run(carded.count) { number in
            let position = carded[number]
            return self.makeCard(position, summary: summaries[position], tags: tagLists[self.plan.itemTags[position]] ?? self.tags(of: position))
        }
        for (position, card) in zip(carded, cards) { itemViews.cards[position] = card }
    }

    /// Lets go of the item views once every page has rendered: what follows (the search index,
    /// the state) shows none of them, and they would stay in memory beside the search's bodies.
    /// A later render makes them again.
    func releaseItemViews() {
        itemViews.dates = []
        itemViews.cards = []
    }

    /// A menu or social link: a file of ours or an outside URL.
    enum Link {
        case file(String)
        case external(String)
    }

    func url(_ link: Link, from page: String) -> String {
        switch link {
        case .file(let target): return linker.relative(from: page, to: target)
        case .external(let url): return url
        }
    }

    /// The keys every page has: site, root, navigation, chrome blocks, page metadata; all but the
    /// page metadata in frames shared with the pages at its place (see `PageContext`).
    func common(page: String, title: String, description: String, kind: String) -> PageContext {
        let links = linkPlace(of: page).map { place in placeLinks.value(place) { pageLinks(page) } } ?? pageLinks(page)
        // Key by key: a literal boxes each value as an existential on the way in.
        var pageKeys = TemplateObject(capacity: 7)
        pageKeys[.title] = title
        pageKeys[.fullTitle] = title == config.title ? title : title + " – " + config.title
        pageKeys[.description] = description.isEmpty ? config.description : description
        pageKeys[.canonical] = linker.absolute(page)
        pageKeys[.kind] = kind
        pageKeys[ViewModelKeys.isKind(kind)] = true
        // Room for what the layouts' pages add (an item page adds the most).
        var own = TemplateObject(capacity: 9)
        own[.page] = pageKeys
        return PageContext(shared: links.frames, own: own)
    }

    /// The part of `common` the pages at one place share: the site's keys, then the root prefix
    /// and the navigation, whose links go from there.
    struct PageLinks: Sendable {
        var frames: [TemplateValue]
    }

    private func pageLinks(_ page: String) -> PageLinks {
        var navigation = TemplateObject(capacity: 8)
        navigation[.homeURL] = linker.relative(from: page, to: SitePlan.homeFile)
        navigation[.newsURL] = linker.relative(from: page, to: plan.news.frontFile)
        navigation[.tagsURL] = linker.relative(from: page, to: SitePlan.tagsFile)
        navigation[.feedURL] = linker.relative(from: page, to: SitePlan.feedFile)
        navigation[.assetsURL] = linker.relative(from: page, to: Self.assetsTarget).dropLast(1).description
        navigation[.sitePages] = sitePages.map { [.title: $0.title, .url: linker.relative(from: page, to: $0.file)] as TemplateObject }
        navigation[.menu] = menu.map { entry -> TemplateObject in
            let href = url(entry.target, from: page)
            var item: TemplateObject = [.label: entry.label, .url: href]
            if case .file(let target) = entry.target, target == page || (target != SitePlan.homeFile && page.hasPrefix(FileSystem.parent(of: target) + "/")) {
                item[.current] = true
            }
            return item
        }
        navigation[.root] = rootPrefix(for: page)
        return PageLinks(frames: [.object(siteWideKeys), .object(navigation)])
    }

    /// A file in the assets folder: its link, less the name, is `assets_url`.
    private static let assetsTarget = "assets/x"

    /// A page's depth and its first `linkTargetDepth` folders (see `linkPlace(of:)`), without a
    /// string made for them.
    struct LinkPlace: Hashable, Sendable {
        var depth: Int
        var folders: Substring
    }

    /// What `pageLinks` depends on in `page` when the page lies deeper than every target:
    /// its depth and its first `linkTargetDepth` folders. A link climbs to the folders the page
    /// shares with the target, and a target lies in no more folders than that (so a menu entry
    /// is current by those folders alone). Nil for a page no deeper, whose links are its own.
    private func linkPlace(of page: String) -> LinkPlace? {
        let bytes = page.utf8
        var depth = 0
        var cut = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
            depth += 1
            if depth == linkTargetDepth { cut = bytes.index(after: index) }
        }
        guard depth > linkTargetDepth else { return nil }
        return LinkPlace(depth: depth, folders: page[..<cut])
    }

    /// How many folders `path` lies in.
    private static func depth(_ path: String) -> Int {
        path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
    }

    /// The keys that are the same on every page, made once per model.
    private static func siteWideKeys(_ config: SiteConfig, linker: Linker, bannerShowing: Bool, newsletterThankYou: String?) -> TemplateObject {
        var context = TemplateObject(capacity: 8)
        context[.site] = [
            .title: config.title,
            .description: config.description,
            .language: config.language,
            .baseURL: config.baseURL,
            .host: URL(string: config.baseURL)?.host ?? "",
            .searchLocal: config.search == .local,
        ] as TemplateObject
        context[.feedAbsoluteURL] = linker.absolute(SitePlan.feedFile)
        context[.feeds] = alternateFeeds("news/", title: config.title, linker: linker)
        context[.social] = config.social.map { [.name: $0.icon, .url: $0.url, .label: $0.label] as TemplateObject }
        if bannerShowing, let banner = config.banner {
            context[.banner] = [.text: banner.text, .cta: banner.callToAction, .url: banner.url] as TemplateObject
        }
        if let newsletter = config.newsletter {
            var block: TemplateObject = [.action: newsletter.action, .title: newsletter.title, .text: newsletter.text]
            if let thankYou = newsletterThankYou { block[.thankYou] = thankYou }
            context[.newsletter] = block
        }
        if let contact = config.mediaContact {
            var block: TemplateObject = [.name: contact.name, .email: contact.email]
            if let phone = contact.phone { block[.phone] = phone }
            context[.mediaContact] = block
        }
        if let email = config.contactEmail { context[.contactEmail] = email }
        return context
    }

    /// A listing's feeds for `<link rel="alternate">`: one per format, each with its media type.
    static func alternateFeeds(_ listingFolder: String, title: String, linker: Linker) -> [TemplateObject] {
        FeedFormat.allCases.map { format in
            [.type: format.mediaType, .title: "\(title) (\(format.label))", .url: linker.absolute(SitePlan.feedFile(listingFolder, format: format))] as TemplateObject
        }
    }

    /// `../../` from `news/2023/index.html`; `""` at the root.
    func rootPrefix(for page: String) -> String {
        String(repeating: "../", count: Self.depth(page))
    }

    func date(_ date: PublicationDate) -> TemplateObject {
        [
            .iso: date.iso8601,
            .dayISO: date.isoDay,
            .long: date.long,
            .rfc822: date.rfc822,
            .year: String(date.year),
            .month: PublicationDate.pad(date.month),
            .monthName: PublicationDate.monthNames[date.month - 1],
            .day: String(date.day),
        ]
    }

    /// An item as a listing shows it, with `summary` (the one every page shows for it). Its
    /// links are `TemplateLink`s, written for each page as it renders, so a card is the same on
    /// every page: kept for the first `keptCards` items, built where it is shown for the rest.
    func card(_ position: Int, summary: String) -> TemplateObject {
        if position < itemViews.cards.count, let card = itemViews.cards[position] { return card }
        return makeCard(position, summary: summary, tags: tags(of: position))
    }

    private func makeCard(_ position: Int, summary: String, tags: TemplateValue) -> TemplateObject {
        // Fields read one by one: binding the whole item copied (retained) every one of them.
        let location = plan.items[position].location, draft = plan.items[position].draft
        let scheduled = publication.isScheduled(plan.items[position])
        let image = plan.items[position].image.flatMap { image in plan.itemImages[position].map { (alt: image.alt, target: $0) } }
        // As many entries as it holds: every item's card may be kept.
        let optional = (location == nil ? 0 : 1) + (draft ? 1 : 0) + (scheduled ? 1 : 0) + (image == nil ? 0 : 1)
        var card = TemplateObject(capacity: 5 + optional)
        card[.title] = plan.items[position].title
        card[.date] = itemDate(position)
        if let location { card[.location] = location }
        if draft { card[.draft] = true }
        if scheduled { card[.scheduled] = true }
        card[.url] = TemplateLink(plan.itemFiles[position])
        card[.summary] = summary
        card.set(.tags, tags)
        if let image {
            switch image.target {
            case .file(let file, let suffix):
                var shownImage: TemplateObject = [.src: TemplateLink(file, suffix: suffix), .alt: image.alt]
                if suffix.isEmpty, let processed = images.images[file] {
                    // A card is at most a third of the page wide: the 800-px copy suits screens
                    // of twice the density.
                    let shown = processed.variants.first { !$0.isWebP && $0.width >= 800 } ?? processed.main
                    shownImage[.src] = TemplateLink(ImageCatalog.path(of: shown, for: file))
                    shownImage[.width] = String(shown.width)
                    shownImage[.height] = String(shown.height)
                }
                card[.image] = shownImage
            case .external(let url): card[.image] = [.src: url, .alt: image.alt] as TemplateObject
            }
        }
        return card
    }

    /// An item's tags, as cards and items list them (see `tagEntries`).
    func tags(of position: Int) -> TemplateValue {
        .list(plan.itemTags[position].map { tagEntries[$0] })
    }
}

/// The first items' dates and cards (see `ViewModel.itemViews`): set once, before pages render
/// on several threads, and only read after.
// Unchecked: written by one thread before the render's threads start, only read after.
final class ItemViews: @unchecked Sendable {
    /// The first items' dates (see `ViewModel.keptCards`), nil for one no rendered page shows.
    var dates: [TemplateObject?] = []
    /// The first items' cards (see `ViewModel.keptCards`), nil for one no rendered page shows.
    var cards: [TemplateObject?] = []
}
