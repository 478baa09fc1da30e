/// A paginated list of items: the news index, one tag, one year or one month.
///
/// Tag pages and date archives all come from this one shape (the "partition" of the items).
struct Listing: Sendable {
    enum Kind: String, Sendable { case news, tag, year, month }

    var kind: Kind
    var title: String
    /// Output folder of page 1 (`news/`, `news/tags/ukraine/`, `news/2023/`); later pages add `page/N/`.
    var folder: String
    /// Indexes into the published items, newest first.
    var items: [Int]
    /// For tags: the slug; for archives: `2023` or `2023/03`.
    var key: String
    var paging: Paging

    var pageCount: Int { paging.count(of: items.count) }

    /// The number of the page written at `folder` (`index.html`).
    var frontPage: Int { paging.front(of: items.count) }

    /// `news/index.html` for the front page, `news/page/N/index.html` for the others.
    func file(page: Int) -> String {
        page == frontPage ? folder + "index.html" : folder + "page/\(page)/index.html"
    }

    /// The front page's file: where links to the whole listing point.
    var frontFile: String { folder + "index.html" }

    func items(onPage page: Int) -> ArraySlice<Int> {
        items[paging.range(page: page, of: items.count)]
    }

    func newer(than page: Int) -> Int? { paging.newer(than: page, of: items.count) }
    func older(than page: Int) -> Int? { paging.older(than: page, of: items.count) }

    /// Whether page `number` never changes as items are added (see `Paging`).
    func isFixed(page number: Int) -> Bool { paging.isFixed(page: number, of: items.count) }
}

/// One tag as shown: its first spelling and its URL slug.
struct Tag: Sendable, Equatable {
    var name: String
    var slug: String
}
