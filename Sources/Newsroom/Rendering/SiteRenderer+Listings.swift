import NewsroomMustache

extension SiteRenderer {
    func renderHome(log: inout DiagnosticLog) -> OutputFile {
        let file = SitePlan.homeFile
        var context = model.common(page: file, title: config.title, description: config.description, kind: "home")
        let latest = plan.items.indices.prefix(config.perPage)
        context[.items] = latest.map { model.card($0, summary: summaries[$0]) }
        if plan.items.count > latest.count {
            // Where the items after these are: the news index's second page, or with stable
            // paging its front page, which holds more than the home page shows.
            let more = config.pagination == .classic ? plan.news.file(page: 2) : plan.news.frontFile
            context[.moreURL] = linker.relative(from: file, to: more)
        }
        return page(file, layout: "home", context: context, requestedAt: siteLocation, log: &log)
    }

    func renderListingPage(_ listing: Listing, number: Int, log: inout DiagnosticLog) -> OutputFile {
        let file = listing.file(page: number)
        let title = listingTitle(listing) + (number != listing.frontPage ? " – page \(number)" : "")
        var context = model.common(page: file, title: title, description: config.description, kind: "list")
        // Key by key, values made as they are: a literal boxes each as an existential, and a
        // list of objects is cast back from `[TemplateObject]` at run time.
        var view = TemplateObject(capacity: 16)
        view[.title] = listingTitle(listing)
        view[.name] = listing.title
        view[.kind] = listing.kind.rawValue
        view[ViewModelKeys.isKind(listing.kind.rawValue)] = true
        view[.items] = TemplateValue.list(listing.items(onPage: number).map { .object(model.card($0, summary: summaries[$0])) })
        // A fixed page says which articles it holds, not how many the listing has: the total
        // changes with every item added, and the page would have to be written again.
        if listing.isFixed(page: number) {
            let shown = listing.paging.range(page: number, of: listing.items.count)
            let oldest = listing.items.count - shown.upperBound + 1
            view[.countText] = "Articles \(oldest) to \(oldest + shown.count - 1), counted from the oldest"
        } else {
            view[.count] = listing.items.count
            view[.countText] = listing.items.count == 1 ? "1 article" : "\(listing.items.count) articles"
        }
        if listing.kind == .tag, let tag = plan.tags.first(where: { $0.slug == listing.key }) {
            view[.feedURL] = linker.relative(from: file, to: SitePlan.tagFeedFile(tag))
            view[.feedAbsoluteURL] = linker.absolute(SitePlan.tagFeedFile(tag))
            view[.feeds] = ViewModel.alternateFeeds(listing.folder, title: "\(listing.title) – \(config.title)", linker: linker)
        }
        if let (newer, older) = archiveNeighbours(listing), newer != nil || older != nil {
            view[.hasNeighbours] = true
            if let newer { view[.newer] = [.title: newer.title, .url: linker.relative(from: file, to: newer.frontFile)] as TemplateObject }
            if let older { view[.older] = [.title: older.title, .url: linker.relative(from: file, to: older.frontFile)] as TemplateObject }
        }
        addArchiveLinks(listing, page: number, from: file, to: &view)
        context[.listing] = view
        context[.pagination] = pagination(listing, page: number)
        return page(file, layout: "list", context: context, requestedAt: siteLocation, log: &log)
    }

    func renderTagIndex(log: inout DiagnosticLog) -> OutputFile {
        let file = SitePlan.tagsFile
        var context = model.common(page: file, title: "Tags", description: config.description, kind: "tags")
        context[.tags] = plan.tagListings.map { listing -> TemplateObject in
            [.name: listing.title, .url: linker.relative(from: file, to: listing.frontFile), .count: listing.items.count]
        }
        context[.years] = plan.yearListings.map { listing -> TemplateObject in
            [.name: listing.title, .url: linker.relative(from: file, to: listing.frontFile), .count: listing.items.count]
        }
        return page(file, layout: "tags", context: context, requestedAt: siteLocation, log: &log)
    }

    /// The way down and up the archive, so a reader reaches every year and month from the news
    /// index: the news index lists the years, a year its months (each with its count); a year,
    /// month or tag names its `parent` (news index, year, tag index).
    /// A fixed page leaves out the counted lists (their counts grow); its parent link stays.
    private func addArchiveLinks(_ listing: Listing, page number: Int, from file: String, to view: inout TemplateObject) {
        func entry(_ listing: Listing, name: String) -> TemplateValue {
            var entry = TemplateObject(capacity: 3)
            entry[.name] = name
            entry[.url] = linker.relative(from: file, to: listing.frontFile)
            entry[.count] = listing.items.count
            return .object(entry)
        }
        func parent(_ title: String, _ target: String) -> TemplateObject {
            [.title: title, .url: linker.relative(from: file, to: target)]
        }
        // Always lists, so `{{^empty(listing.months)}}` holds on every listing.
        view[.years] = TemplateValue.list([])
        view[.months] = TemplateValue.list([])
        let showsCounts = !listing.isFixed(page: number)
        switch listing.kind {
        case .news:
            if showsCounts { view[.years] = TemplateValue.list(plan.yearListings.map { entry($0, name: $0.title) }) }
        case .year:
            view[.parent] = parent("All news", plan.news.frontFile)
            guard showsCounts else { break }
            view[.months] = TemplateValue.list(plan.monthListings.filter { $0.key.hasPrefix(listing.key + "/") }.map { month in
                entry(month, name: String(month.title.prefix { $0 != " " }))
            })
        case .month:
            if let year = plan.yearListings.first(where: { listing.key.hasPrefix($0.key + "/") }) {
                view[.parent] = parent(year.title, year.frontFile)
            }
        case .tag:
            view[.parent] = parent("All topics", SitePlan.tagsFile)
        }
    }

    private func listingTitle(_ listing: Listing) -> String {
        switch listing.kind {
        case .news: return "News"
        case .tag: return "News tagged “\(listing.title)”"
        case .year, .month: return "News from \(listing.title)"
        }
    }

    /// The neighbouring years (or months) that have items: (newer, older).
    func archiveNeighbours(_ listing: Listing) -> (Listing?, Listing?)? {
        let siblings: [Listing]
        switch listing.kind {
        case .year: siblings = plan.yearListings
        case .month: siblings = plan.monthListings
        default: return nil
        }
        guard let index = siblings.firstIndex(where: { $0.key == listing.key }) else { return nil }
        return (index > 0 ? siblings[index - 1] : nil, index + 1 < siblings.count ? siblings[index + 1] : nil)
    }

    /// The pager: links to newer and older pages and the page numbers around this one. A fixed
    /// page carries no total (see `renderListingPage`).
    private func pagination(_ listing: Listing, page number: Int) -> TemplateObject {
        var view = TemplateObject(capacity: 7)
        view[.current] = number
        view[.pages] = TemplateValue.list(Pager(listing, page: number).entries.map { entry -> TemplateValue in
            let target: Int
            var shown = TemplateObject(capacity: 4)
            switch entry {
            case .gap:
                shown[.gap] = true
                return .object(shown)
            case .page(let n): target = n; shown[.number] = n
            case .latest: target = listing.frontPage; shown[.number] = "Latest"; shown[.latest] = true
            }
            // Links written where the template shows them: a listing of one page shows none.
            shown[.url] = TemplateLink(listing.file(page: target))
            if target == number { shown[.current] = true }
            return .object(shown)
        })
        if !listing.isFixed(page: number) { view[.total] = listing.pageCount }
        if listing.pageCount > 1 { view[.hasPages] = true }
        if let newer = listing.newer(than: number) { view[.previousURL] = TemplateLink(listing.file(page: newer)) }
        if let older = listing.older(than: number) { view[.nextURL] = TemplateLink(listing.file(page: older)) }
        return view
    }
}
