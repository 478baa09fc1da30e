import NewsroomMustache

extension SiteRenderer {
    /// The pages a body edit may change (see `BodyEdit`), by plan position.
    struct EditedPages: Sendable {
        var items: Set<Int>
        var pages: Set<Int>
    }

    /// This renderer with the items of `edit` put in place of those it planned, for the rebuild
    /// after that edit: the plan, templates, images, summaries and keys stay as they are (nothing
    /// they are made from changed), the bodies are `source`'s, and only the pages the edit may
    /// change are keyed again (see `keptAsBefore`).
    func applying(_ edit: BodyEdit, source: SiteSource) -> SiteRenderer {
        var plan = self.plan
        for (position, item) in edit.items { plan.items[position] = item }
        let model = ViewModel(
            config: model.config, linker: model.linker, plan: plan, menu: model.menu,
            bannerShowing: model.bannerShowing, publication: model.publication, newsletterThankYou: model.newsletterThankYou,
            tagEntries: model.tagEntries, sitePages: model.sitePages, keptCards: model.keptCards, images: model.images
        )
        let anchors = AnchorBook(plan: plan, bodies: source.bodies, filesAs: content.anchors)
        var renderer = SiteRenderer(source: source, plan: plan, templates: templates, icons: icons, model: model, images: images, anchors: anchors)
        renderer.summaries = summaries
        renderer.keys = keys
        renderer.sitemapSplitAbove = sitemapSplitAbove
        renderer.sitemapFiles = sitemapFiles
        renderer.searchDocuments = searchDocuments
        // Who links into what is worked out once per plan, then changed for the edited items.
        let links = renderer.content.links
        var linkers = fragmentLinkers ?? FragmentLinkers(plan: self.plan, links: links)
        for (position, item) in edit.items {
            linkers.change(position, linkingFrom: self.plan.items[position], links: links) { $0.remove(position) }
            linkers.change(position, linkingFrom: item, links: links) { $0.insert(position) }
        }
        renderer.fragmentLinkers = linkers
        var items = Set(edit.items.map(\.position)), pages: Set<Int> = []
        for (position, _) in edit.items {
            items.formUnion(linkers.items[plan.itemFiles[position]] ?? [])
            pages.formUnion(linkers.pages[plan.itemFiles[position]] ?? [])
        }
        renderer.editedPages = EditedPages(items: items, pages: pages)
        return renderer
    }

    /// Which items and pages link into each page with a `#fragment` (their keys hold its
    /// body's hash), by plan position.
    struct FragmentLinkers: Sendable {
        /// Page file → the items whose bodies link into it.
        var items: [String: Set<Int>] = [:]
        /// Page file → the pages whose bodies link into it.
        var pages: [String: Set<Int>] = [:]

        init(plan: SitePlan, links: ContentLinks) {
            for position in plan.items.indices where !plan.items[position].fragmentLinkPaths.isEmpty {
                change(position, linkingFrom: plan.items[position], links: links) { $0.insert(position) }
            }
            for position in plan.pages.indices {
                for file in Self.targets(plan.pages[position].fragmentLinkPaths, from: plan.pages[position].sourcePath, links: links) {
                    pages[file, default: []].insert(position)
                }
            }
        }

        /// Changes, with `change`, the sets of the pages the body of `item` links into.
        mutating func change(_ position: Int, linkingFrom item: NewsItem, links: ContentLinks, _ change: (inout Set<Int>) -> Void) {
            for file in Self.targets(item.fragmentLinkPaths, from: item.sourcePath, links: links) { change(&items[file, default: []]) }
        }

        private static func targets(_ paths: [String], from sourcePath: String, links: ContentLinks) -> Set<String> {
            Set(paths.compactMap { path in
                if case .target(let file, _) = links.resolve(path, isImage: false, sourcePath: sourcePath) { return file }
                return nil
            })
        }
    }

    /// Whether a body edit (see `BodyEdit`) keeps the files at `paths` from the last build as
    /// they are, untouched since (see `keepAsBefore`); false for any other render.
    func keptAsBefore(_ paths: [String]) -> Bool {
        guard editedPages != nil, let keepAsBefore else { return false }
        return keepAsBefore(paths)
    }

    /// After a body edit, whether each job's page is one the session kept as the last build
    /// left it (see `changedOnDisk`): a single page the edit cannot have changed and not found
    /// changed on disk, made from what it was made from without a key. Nil for any other render.
    func pagesAsBefore(_ jobs: [Job], listings: [Listing]) -> [Bool]? {
        guard let editedPages, let changedOnDisk else { return nil }
        // A page's path is worked out only when some file was found changed.
        let isUntouched = { (path: () -> String) in changedOnDisk.isEmpty || !changedOnDisk.contains(path()) }
        return jobs.map { job in
            switch job {
            case .home: return isUntouched { SitePlan.homeFile }
            case .tagIndex: return isUntouched { SitePlan.tagsFile }
            case .notFound: return isUntouched { SitePlan.notFoundFile }
            case .item(let position): return !editedPages.items.contains(position) && isUntouched { plan.itemFiles[position] }
            case .page(let position): return !editedPages.pages.contains(position) && isUntouched { plan.pageFiles[position] }
            case .listingPage(let index, let number): return isUntouched { listings[index].file(page: number) }
            case .feeds, .sitemap, .alias, .copy: return false
            }
        }
    }

    /// Keeps each search part's documents as its script holds them, for the body edits that
    /// follow this plan to reuse (see `searchDocuments`).
    mutating func keepSearchDocuments() {
        searchDocuments = LockedMemo()
    }

    /// This renderer as `serve` keeps it for the next rebuild: without its hold on this build's
    /// output session, nor on the site's items and their records, which the next rebuild changes
    /// in place in the loaded site (a shared hold would make that a copy of every item; a body
    /// edit puts in the source as loaded then).
    var kept: SiteRenderer {
        var renderer = self
        renderer.source.items = []
        renderer.source.itemCache = ItemCache()
        renderer.isFresh = nil
        renderer.keepAsBefore = nil
        renderer.changedOnDisk = nil
        renderer.editedPages = nil
        renderer.previousWarnings = [:]
        return renderer
    }
}
