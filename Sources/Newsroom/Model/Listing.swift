/// A paginated list of items: the news index, one tag, one year or one month.
///
/// Tag pages and date archives all come from this one shape (the "partition" of the items).
public struct Listing: Sendable {
    public enum Kind: String, Sendable { case news, tag, year, month }

    public var kind: Kind
    public var title: String
    /// Output folder of page 1 (`news/`, `news/tags/ukraine/`, `news/2023/`); later pages add `page/N/`.
    public var folder: String
    /// Indexes into the published items, newest first.
    public var items: [Int]
    /// For tags: the slug; for archives: `2023` or `2023/03`.
    public var key: String

    public func pageCount(perPage: Int) -> Int {
        max(1, (items.count + perPage - 1) / perPage)
    }

    /// `news/index.html` for page 1, `news/page/2/index.html` after.
    public func file(page: Int) -> String {
        page <= 1 ? folder + "index.html" : folder + "page/\(page)/index.html"
    }

    public func items(onPage page: Int, perPage: Int) -> ArraySlice<Int> {
        let start = (page - 1) * perPage
        return items[min(start, items.count)..<min(start + perPage, items.count)]
    }
}

/// One tag as shown: its first spelling and its URL slug.
public struct Tag: Sendable, Equatable {
    public var name: String
    public var slug: String
}
