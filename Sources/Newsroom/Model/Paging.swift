/// How a listing's items are cut into pages (`pagination:` in `site.yml`).
///
/// Pages are numbered 1 … `count` in both styles; what differs is which page is the listing's
/// front page (its folder's `index.html`) and which items each number holds.
///
/// - `stable` (the default): page 1 holds the oldest `perPage` items and numbers count up from
///   there, so a full page never changes as items are added. The front page, the last number,
///   holds the newest items: from `perPage` to `2 × perPage − 1` of them (all of them on a
///   listing with fewer than `perPage`).
/// - `classic`: page 1, the front page, holds the newest `perPage` items and each later page
///   the next `perPage`, so every page shifts by one item when one is added.
struct Paging: Sendable, Equatable {
    enum Style: String, Sendable, CaseIterable { case stable, classic }

    var style: Style
    var perPage: Int

    /// How many pages `total` items take (at least one, which may be empty).
    func count(of total: Int) -> Int {
        switch style {
        case .classic: return max(1, (total + perPage - 1) / perPage)
        case .stable: return max(0, total / perPage - 1) + 1
        }
    }

    /// The number of the page at the listing's folder.
    func front(of total: Int) -> Int {
        style == .classic ? 1 : count(of: total)
    }

    /// The positions (into a newest-first list of `total`) shown on page `number`, newest first.
    func range(page number: Int, of total: Int) -> Range<Int> {
        switch style {
        case .classic:
            let start = (number - 1) * perPage
            return min(start, total)..<min(start + perPage, total)
        case .stable:
            // Full pages are counted from the oldest item, the end of the list.
            let full = count(of: total) - 1
            if number > full { return 0..<(total - full * perPage) }
            return (total - number * perPage)..<(total - (number - 1) * perPage)
        }
    }

    /// The page with the newer items next to `number` (nil on the front page in `stable`, and on
    /// page 1 in `classic`).
    func newer(than number: Int, of total: Int) -> Int? {
        switch style {
        case .classic: return number > 1 ? number - 1 : nil
        case .stable: return number < count(of: total) ? number + 1 : nil
        }
    }

    /// The page with the older items next to `number`.
    func older(than number: Int, of total: Int) -> Int? {
        switch style {
        case .classic: return number < count(of: total) ? number + 1 : nil
        case .stable: return number > 1 ? number - 1 : nil
        }
    }

    /// Whether page `number` keeps its items whatever is added later: a full page in `stable`.
    func isFixed(page number: Int, of total: Int) -> Bool {
        style == .stable && number < count(of: total)
    }
}
