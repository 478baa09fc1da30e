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
            itemTags: model.itemTags, sitePages: model.sitePages, keptCards: model.keptCards, images: model.images
        )
        var renderer = SiteRenderer(source: source, plan: plan, templates: templates, icons: icons, model: model, images: images)
        renderer.summaries = summaries
        renderer.keys = keys
        let files = Set(edit.items.map { plan.itemFiles[$0.position] })
        let links = renderer.content.links
        func linksInto(_ paths: [String], from sourcePath: String) -> Bool {
            paths.contains { path in
                if case .target(let file, _) = links.resolve(path, isImage: false, sourcePath: sourcePath) { return files.contains(file) }
                return false
            }
        }
        var items = Set(edit.items.map(\.position))
        for position in plan.items.indices where !plan.items[position].fragmentLinkPaths.isEmpty {
            if linksInto(plan.items[position].fragmentLinkPaths, from: plan.items[position].sourcePath) { items.insert(position) }
        }
        let pages = plan.pages.indices.filter { linksInto(plan.pages[$0].fragmentLinkPaths, from: plan.pages[$0].sourcePath) }
        renderer.editedPages = EditedPages(items: items, pages: Set(pages))
        return renderer
    }

    /// After a body edit, what tells the path of a job's page when it is kept from the last
    /// build without being keyed: a page the edit cannot have changed, which `keepAsBefore`
    /// finds untouched. Nil for any other render. Holds only what it reads, so the render's
    /// threads call it without copying the renderer for each page.
    func keptAsBefore(listings: [Listing]) -> (@Sendable (Job) -> String?)? {
        guard let editedPages, let keepAsBefore else { return nil }
        let itemFiles = plan.itemFiles, pageFiles = plan.pageFiles
        return { job in
            let path: String
            switch job {
            case .home: path = SitePlan.homeFile
            case .tagIndex: path = SitePlan.tagsFile
            case .notFound: path = SitePlan.notFoundFile
            case .item(let position):
                guard !editedPages.items.contains(position) else { return nil }
                path = itemFiles[position]
            case .page(let position):
                guard !editedPages.pages.contains(position) else { return nil }
                path = pageFiles[position]
            case .listingPage(let index, let number): path = listings[index].file(page: number)
            case .feeds, .sitemap, .alias, .copy: return nil
            }
            return keepAsBefore([path]) ? path : nil
        }
    }

    /// This renderer as `serve` keeps it for the next rebuild: without its hold on this build's
    /// output session.
    var kept: SiteRenderer {
        var renderer = self
        renderer.isFresh = nil
        renderer.keepAsBefore = nil
        renderer.editedPages = nil
        renderer.previousWarnings = [:]
        return renderer
    }
}
