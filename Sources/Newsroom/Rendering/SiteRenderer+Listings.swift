import NewsroomMustache

extension SiteRenderer {
    func renderHome(log: inout DiagnosticLog) -> OutputFile {
        let file = SitePlan.homeFile
        var context = model.common(page: file, title: config.title, description: config.description, kind: "home")
        let latest = plan.items.indices.prefix(config.perPage)
        context[.items] = latest.map { model.card($0, summary: summaries[$0]) }
        if plan.items.count > latest.count { context[.moreURL] = linker.relative(from: file, to: plan.news.file(page: 2)) }
        return page(file, layout: "home", context: context, requestedAt: siteLocation, log: &log)
    }

    func renderListingPage(_ listing: Listing, number: Int, log: inout DiagnosticLog) -> OutputFile {
        let perPage = config.perPage
        let total = listing.pageCount(perPage: perPage)
        do {
            let file = listing.file(page: number)
            let title = listingTitle(listing) + (number > 1 ? " – page \(number)" : "")
            var context = model.common(page: file, title: title, description: config.description, kind: "list")
            var view: TemplateObject = [
                .title: listingTitle(listing),
                .name: listing.title,
                .kind: listing.kind.rawValue,
                ViewModelKeys.isKind(listing.kind.rawValue): true,
                .items: listing.items(onPage: number, perPage: perPage).map { model.card($0, summary: summaries[$0]) },
                .count: listing.items.count,
                .countText: listing.items.count == 1 ? "1 article" : "\(listing.items.count) articles",
            ]
            if listing.kind == .tag, let tag = plan.tags.first(where: { $0.slug == listing.key }) {
                view[.feedURL] = linker.relative(from: file, to: SitePlan.tagFeedFile(tag))
                view[.feedAbsoluteURL] = linker.absolute(SitePlan.tagFeedFile(tag))
                view[.feeds] = ViewModel.alternateFeeds(listing.folder, title: "\(listing.title) – \(config.title)", linker: linker)
            }
            if let (newer, older) = archiveNeighbours(listing), newer != nil || older != nil {
                view[.hasNeighbours] = true
                if let newer { view[.newer] = [.title: newer.title, .url: linker.relative(from: file, to: newer.file(page: 1))] as TemplateObject }
                if let older { view[.older] = [.title: older.title, .url: linker.relative(from: file, to: older.file(page: 1))] as TemplateObject }
            }
            addArchiveLinks(listing, from: file, to: &view)
            context[.listing] = view
            context[.pagination] = pagination(listing, page: number, total: total, from: file)
            return page(file, layout: "list", context: context, requestedAt: siteLocation, log: &log)
        }
    }

    func renderTagIndex(log: inout DiagnosticLog) -> OutputFile {
        let file = SitePlan.tagsFile
        var context = model.common(page: file, title: "Tags", description: config.description, kind: "tags")
        context[.tags] = plan.tagListings.map { listing -> TemplateObject in
            [.name: listing.title, .url: linker.relative(from: file, to: listing.file(page: 1)), .count: listing.items.count]
        }
        context[.years] = plan.yearListings.map { listing -> TemplateObject in
            [.name: listing.title, .url: linker.relative(from: file, to: listing.file(page: 1)), .count: listing.items.count]
        }
        return page(file, layout: "tags", context: context, requestedAt: siteLocation, log: &log)
    }

    /// The way down and up the archive, so a reader reaches every year and month from the news
    /// index: the news index lists the years, a year its months (each with its count); a year,
    /// month or tag names its `parent` (news index, year, tag index).
    private func addArchiveLinks(_ listing: Listing, from file: String, to view: inout TemplateObject) {
        func entry(_ listing: Listing, name: String) -> TemplateObject {
            [.name: name, .url: linker.relative(from: file, to: listing.file(page: 1)), .count: listing.items.count]
        }
        func parent(_ title: String, _ target: String) -> TemplateObject {
            [.title: title, .url: linker.relative(from: file, to: target)]
        }
        // Always lists, so `{{^empty(listing.months)}}` holds on every listing.
        view[.years] = TemplateValue.list([])
        view[.months] = TemplateValue.list([])
        switch listing.kind {
        case .news:
            view[.years] = plan.yearListings.map { entry($0, name: $0.title) }
        case .year:
            view[.parent] = parent("All news", plan.news.file(page: 1))
            view[.months] = plan.monthListings.filter { $0.key.hasPrefix(listing.key + "/") }.map { month in
                entry(month, name: String(month.title.prefix { $0 != " " }))
            }
        case .month:
            if let year = plan.yearListings.first(where: { listing.key.hasPrefix($0.key + "/") }) {
                view[.parent] = parent(year.title, year.file(page: 1))
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

    /// The page numbers a pager shows: the first, the last, and two either side of the
    /// current one; nil marks a gap (…). Keeps long archives' pages small.
    static func pageWindow(current: Int, total: Int) -> [Int?] {
        var shown: [Int?] = []
        var last = 0
        for n in 1...total where n == 1 || n == total || abs(n - current) <= 2 {
            if n > last + 1 { shown.append(nil) }
            shown.append(n)
            last = n
        }
        return shown
    }

    private func pagination(_ listing: Listing, page number: Int, total: Int, from file: String) -> TemplateObject {
        var view: TemplateObject = [
            .current: number,
            .total: total,
            .pages: Self.pageWindow(current: number, total: total).map { n -> TemplateObject in
                guard let n else { return [.gap: true] }
                var entry: TemplateObject = [.number: n, .url: linker.relative(from: file, to: listing.file(page: n))]
                if n == number { entry[.current] = true }
                return entry
            },
        ]
        if total > 1 { view[.hasPages] = true }
        if number > 1 { view[.previousURL] = linker.relative(from: file, to: listing.file(page: number - 1)) }
        if number < total { view[.nextURL] = linker.relative(from: file, to: listing.file(page: number + 1)) }
        return view
    }
}
