/// An edit of item files that changed nothing but their bodies (their lead paragraphs aside):
/// what the plan holds of every other item and page is as it was, and so is every page's key
/// but those of the edited items' own pages, of the pages that link into them with a
/// `#fragment` (they check its ids), of the feeds (they carry full bodies) and of the search
/// index. `serve` then renders those from the last build's plan instead of planning again.
/// An item published neither before nor after the edit is shown nowhere: its edit changes no
/// page.
struct BodyEdit {
    /// The plan position of each edited item that is published, with the item as loaded now.
    var items: [(position: Int, item: NewsItem)]

    /// The edit of the item files `changed` (site-relative) between the site `plan` was made
    /// from and `source`; nil when it is anything more: an item removed, published now and not
    /// then or the other way round, or published and with other front matter or another lead
    /// paragraph.
    init?(changed: Set<String>, plan: SitePlan, source: SiteSource, publication: Publication) {
        guard !changed.isEmpty, source.items.count >= changed.count else { return nil }
        var items: [(position: Int, item: NewsItem)] = []
        for path in changed {
            guard let item = Self.item(at: path, in: source.items) else { return nil }
            if let position = Self.position(of: item, in: plan.items) {
                guard item.hasSameFrontMatter(as: plan.items[position]) else { return nil }
                items.append((position, item))
            } else if publication.isPublished(item) {
                return nil
            }
        }
        self.items = items
    }

    /// The item read from `path`, found by its name: loading lists items in the folder's order.
    private static func item(at path: String, in items: [NewsItem]) -> NewsItem? {
        let name = NewsItemLoader.entryName(of: path)
        let index = items.insertionIndex { NewsItemLoader.entryName(of: $0.bundlePath ?? $0.sourcePath) < name }
        if index < items.count, items[index].sourcePath == path { return items[index] }
        return items.first { $0.sourcePath == path }
    }

    /// The plan position of the item read from the same file as `item`: found by its date and
    /// slug (the plan's order) when those did not change, else by looking at every item.
    private static func position(of item: NewsItem, in planned: [NewsItem]) -> Int? {
        let instant = item.date.instant
        let index = planned.insertionIndex { $0.date.instant != instant ? $0.date.instant > instant : $0.slug < item.slug }
        if index < planned.count, planned[index].sourcePath == item.sourcePath { return index }
        return planned.firstIndex { $0.sourcePath == item.sourcePath }
    }
}

extension NewsItem {
    /// Whether everything but the body (and what only the item's own page shows of it: its
    /// first line, hash and fragment links) is the same as `other`'s.
    func hasSameFrontMatter(as other: NewsItem) -> Bool {
        sourcePath == other.sourcePath && bundlePath == other.bundlePath && title == other.title && date == other.date
            && updated == other.updated && expires == other.expires && slug == other.slug && summary == other.summary
            && tags == other.tags && tagLocations == other.tagLocations && location == other.location && author == other.author
            && image?.src == other.image?.src && image?.alt == other.image?.alt && image?.caption == other.image?.caption
            && image?.credit == other.image?.credit && image?.location == other.image?.location && image?.focus == other.image?.focus
            && (image == nil) == (other.image == nil)
            && draft == other.draft && aliases.map(\.path) == other.aliases.map(\.path) && aliases.map(\.location) == other.aliases.map(\.location)
            && leadParagraph == other.leadParagraph && keepsOriginalImages == other.keepsOriginalImages
            && id == other.id && idLocation == other.idLocation
    }
}
