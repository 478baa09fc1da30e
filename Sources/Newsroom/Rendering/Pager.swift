/// The page links a listing page shows: the first page, two either side of the current one,
/// and the front page; `gap` marks the numbers left out (…). Keeps long archives' pages small.
///
/// With stable paging a fixed page names the front page "Latest" instead of by its number, so
/// its links stop changing once two newer pages exist.
struct Pager: Equatable {
    enum Entry: Equatable {
        case gap
        case page(Int)
        /// The front page of a stable listing, shown as "Latest".
        case latest
    }

    var entries: [Entry]

    init(_ listing: Listing, page current: Int) {
        let total = listing.pageCount
        guard listing.paging.style == .stable else {
            entries = Self.window(current: current, upTo: total, showingLast: true).map { $0.map(Entry.page) ?? .gap }
            return
        }
        // The front page is `total`; the numbers before it do not include the newest full page
        // unless it is near, so a fixed page does not name how many pages follow it.
        var shown = Self.window(current: current, upTo: total - 1, showingLast: false).map { $0.map(Entry.page) ?? .gap }
        if let last = shown.last, last != .page(total - 1) { shown.append(.gap) }
        shown.append(.latest)
        entries = shown
    }

    /// 1 … `last` where shown (the first, two either side of `current`, and `last` when
    /// `showingLast`), nil for each run left out.
    static func window(current: Int, upTo last: Int, showingLast: Bool) -> [Int?] {
        guard last >= 1 else { return [] }
        // Only the numbers that can be shown are looked at: every page of a long listing has a pager.
        var numbers = [1]
        if max(2, current - 2) <= min(last, current + 2) { numbers += max(2, current - 2)...min(last, current + 2) }
        if showingLast, numbers.last != last { numbers.append(last) }
        var shown: [Int?] = []
        var previous = 0
        for n in numbers {
            if n > previous + 1 { shown.append(nil) }
            shown.append(n)
            previous = n
        }
        return shown
    }

    /// The entries as text, for the page's render key.
    var keyText: String {
        entries.map { entry in
            switch entry {
            case .gap: return "…"
            case .page(let n): return String(n)
            case .latest: return "latest"
            }
        }.joined(separator: ",")
    }
}
