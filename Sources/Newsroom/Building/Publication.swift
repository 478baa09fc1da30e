import Foundation

/// Decides what is published: drafts and items dated after `now` stay out unless asked for.
struct Publication: Sendable {
    var now: Date
    var includeDrafts: Bool
    var includeFuture: Bool

    init(now: Date, includeDrafts: Bool = false, includeFuture: Bool = false) {
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
    }

    func isPublished(_ item: NewsItem) -> Bool {
        (includeDrafts || !item.draft) && (includeFuture || !isScheduled(item)) && !isExpired(item)
    }

    /// Past its `expires` moment: taken down from every page, feed and sitemap.
    func isExpired(_ item: NewsItem) -> Bool {
        item.expires.map { $0.instant <= now } ?? false
    }

    func isScheduled(_ item: NewsItem) -> Bool {
        item.date.instant > now
    }

    /// Published items, newest first; equal dates by slug so the order never depends on the disk.
    /// Sorts positions rather than the items themselves, which are large to move.
    func select(_ items: [NewsItem]) -> [NewsItem] {
        let order = items.indices.filter { isPublished(items[$0]) }.sorted { a, b in
            let first = items[a].date.instant, second = items[b].date.instant
            return first != second ? first > second : items[a].slug < items[b].slug
        }
        return order.map { items[$0] }
    }

    /// The first moment after `now` at which what is published changes: an item goes live (a
    /// draft only when drafts are published) or is taken down, or the banner comes or goes.
    /// `serve` rebuilds then, as the cron job's next run would.
    func nextChange(_ items: [NewsItem], banner: SiteConfig.Banner?) -> Date? {
        var moments: [Date] = []
        for item in items where includeDrafts || !item.draft {
            if !includeFuture, isScheduled(item) { moments.append(item.date.instant) }
            if let expires = item.expires?.instant, expires > now { moments.append(expires) }
        }
        for edge in [banner?.start, banner?.end] {
            if let instant = edge?.instant, instant > now { moments.append(instant) }
        }
        return moments.min()
    }

    /// The next item that will go live after `now` (not a draft), for the cron operator.
    func nextScheduled(_ items: [NewsItem]) -> NewsItem? {
        items.filter { !$0.draft && isScheduled($0) }.min { $0.date.instant < $1.date.instant }
    }
}
