/// One news item as the search index holds it: what a result shows, and the text it is found by.
struct SearchDocument: Sendable {
    /// The item's page, relative to the output root (`news/2024/05/slug/index.html`, or the
    /// folder with clean URLs); `search.js` puts the page's own way back to the root in front.
    var url: String
    var title: String
    /// `2024-05-02`, for sorting newer first across parts.
    var day: String
    /// The date as the theme shows it.
    var dateText: String
    var summary: String
    var tags: [String]
    /// The body as plain text (`ParsedMarkdown.plainText`).
    var body: String

    /// The summary a result shows: at most `limit` characters, cut at a space.
    static func shortened(_ summary: String, limit: Int = 200) -> String {
        guard summary.count > limit else { return summary }
        let head = summary.prefix(limit)
        let cut = head.lastIndex(of: " ") ?? head.endIndex
        return String(head[..<cut]) + "…"
    }
}
