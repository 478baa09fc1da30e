/// One news item or page read from an archive, in Newsroom's terms, before it is written.
struct ImportedEntry: Sendable {
    enum Kind: Sendable { case item, page }

    var kind: Kind
    /// The source file, relative to the archive's root (for a WordPress export, the export's
    /// name and the item's line).
    var sourcePath: String
    var title: String
    var date: PublicationDate?
    /// True when the source wrote the date-time without an offset: it is written the same way,
    /// so Newsroom reads it in the site's timezone as the old generator read it in its own.
    var dateIsLocal = false
    var updated: PublicationDate?
    /// The slug as the source names the item (already a valid Newsroom slug).
    var slug: String
    var summary: String?
    var tags: [String] = []
    var author: String?
    var image: ImportedImage?
    var draft = false
    /// The URL the old site published the item at (a path from the old site's root).
    var oldURL: String?
    /// Further old paths the source lists (`redirect_from`, `aliases`).
    var oldAliases: [String] = []
    var body: String
    /// True when the body is HTML (WordPress), which the site shows with `raw_html: true`.
    var isHTML = false
    /// The file line the body starts at in the source, for messages about the source.
    var bodyFirstLine = 1
    /// Categories as Jekyll places them in URLs (`:categories`), and Hugo's section.
    var categories: [String] = []
    var section = ""
    /// The file name without extension or date prefix (`:name`, `:title` in Jekyll).
    var fileStem = ""
    /// WordPress's post id, which links of the form `/?p=12` use.
    var wordpressID: String?
    /// The `slug` the front matter gave, as written.
    var explicitSlug: String?
}

/// A hero image as the source gave it.
struct ImportedImage: Sendable, Equatable {
    var src: String
    var alt: String?
}
