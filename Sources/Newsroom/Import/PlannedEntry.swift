/// An entry with the place it gets in the new site.
struct PlannedEntry: Sendable {
    var entry: ImportedEntry
    /// `content/news/2019-03-08-slug` (a `.md` file, or a bundle folder with `index.md`) or
    /// `content/pages/slug`.
    var stem: String
    var isBundle = false

    /// The source file, relative to the site folder.
    var file: String { isBundle ? stem + "/index.md" : stem + ".md" }
    /// The folder links in the file are relative to.
    var folder: String { isBundle ? stem : String(stem[..<stem.lastIndex(of: "/")!]) }

    /// The item's new page as an alias file would name it (`news/2019/03/slug/index.html`).
    var newPageFile: String? {
        guard entry.kind == .item, let date = entry.date else { return nil }
        return "news/\(PublicationDate.pad(date.year, width: 4))/\(PublicationDate.pad(date.month))/\(entry.slug)/index.html"
    }
}
