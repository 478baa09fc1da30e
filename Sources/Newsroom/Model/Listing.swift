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

    func pageCount(perPage: Int) -> Int {
        max(1, (items.count + perPage - 1) / perPage)
    }

    /// `news/index.html` for page 1, `news/page/2/index.html` after.
    func file(page: Int) -> String {
        page <= 1 ? folder + "index.html" : folder + "page/\(page)/index.html"
    }

    func items(onPage page: Int, perPage: Int) -> ArraySlice<Int> {
        let start = (page - 1) * perPage
        return items[min(start, items.count)..<min(start + perPage, items.count)]
    }
}

/// One tag as shown: its first spelling and its URL slug.
struct Tag: Sendable, Equatable {
    var name: String
    var slug: String
}
