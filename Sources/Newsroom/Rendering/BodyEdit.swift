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
            guard let item = source.items.first(where: { $0.sourcePath == path }) else { return nil }
            if let position = plan.items.firstIndex(where: { $0.sourcePath == path }) {
                guard item.hasSameFrontMatter(as: plan.items[position]) else { return nil }
                items.append((position, item))
            } else if publication.isPublished(item) {
                return nil
            }
        }
        self.items = items
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
