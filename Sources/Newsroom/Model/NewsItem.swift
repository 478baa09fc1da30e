import Foundation

/// A published (or publishable) news item as loaded from `content/news/`.
///
/// A value whose fields live in one shared box, copied only when a copy is changed: the site,
/// the plan and the item cache each hold every item, and copying twenty-odd strings and arrays
/// retains each of them.
struct NewsItem: Sendable {
    private var box: Box

    init(
        sourcePath: String,
        bundlePath: String? = nil,
        title: String,
        date: PublicationDate,
        updated: PublicationDate? = nil,
        expires: PublicationDate? = nil,
        slug: String,
        summary: String? = nil,
        tags: [String],
        tagLocations: [SourceLocation],
        location: String? = nil,
        author: String? = nil,
        image: HeroImage? = nil,
        draft: Bool,
        aliases: [(path: String, location: SourceLocation)],
        body: String,
        bodyFirstLine: Int,
        contentHash: UInt64 = 0,
        leadParagraph: String? = nil,
        fragmentLinkPaths: [String] = [],
        keepsOriginalImages: Bool = false,
        id: String = "",
        idLocation: SourceLocation? = nil
    ) {
        box = Box(Fields(

            sourcePath: sourcePath,
            bundlePath: bundlePath,
            title: title,
            date: date,
            updated: updated,
            expires: expires,
            slug: slug,
            summary: summary,
            tags: tags,
            tagLocations: tagLocations,
            location: location,
            author: author,
            image: image,
            draft: draft,
            aliases: aliases,
            body: body,
            bodyFirstLine: bodyFirstLine,
            contentHash: contentHash,
            leadParagraph: leadParagraph,
            fragmentLinkPaths: fragmentLinkPaths,
            keepsOriginalImages: keepsOriginalImages,
            id: id,
            idLocation: idLocation
        ))
    }

    /// Where it came from, relative to the site folder (`content/news/2023-03-21-x.md`).
    var sourcePath: String {
        get { box.fields.sourcePath }
        set { unique(); box.fields.sourcePath = newValue }
    }

    /// The folder of a bundle (`content/news/2023-03-21-x`), nil for a single file.
    var bundlePath: String? {
        get { box.fields.bundlePath }
        set { unique(); box.fields.bundlePath = newValue }
    }

    var title: String {
        get { box.fields.title }
        set { unique(); box.fields.title = newValue }
    }

    var date: PublicationDate {
        get { box.fields.date }
        set { unique(); box.fields.date = newValue }
    }

    var updated: PublicationDate? {
        get { box.fields.updated }
        set { unique(); box.fields.updated = newValue }
    }

    /// After this moment the item is taken down (like Hugo's expiryDate).
    var expires: PublicationDate? {
        get { box.fields.expires }
        set { unique(); box.fields.expires = newValue }
    }

    var slug: String {
        get { box.fields.slug }
        set { unique(); box.fields.slug = newValue }
    }

    var summary: String? {
        get { box.fields.summary }
        set { unique(); box.fields.summary = newValue }
    }

    var tags: [String] {
        get { box.fields.tags }
        set { unique(); box.fields.tags = newValue }
    }

    /// Where each tag was written, same order as `tags`.
    var tagLocations: [SourceLocation] {
        get { box.fields.tagLocations }
        set { unique(); box.fields.tagLocations = newValue }
    }

    var location: String? {
        get { box.fields.location }
        set { unique(); box.fields.location = newValue }
    }

    var author: String? {
        get { box.fields.author }
        set { unique(); box.fields.author = newValue }
    }

    var image: HeroImage? {
        get { box.fields.image }
        set { unique(); box.fields.image = newValue }
    }

    var draft: Bool {
        get { box.fields.draft }
        set { unique(); box.fields.draft = newValue }
    }

    var aliases: [(path: String, location: SourceLocation)] {
        get { box.fields.aliases }
        set { unique(); box.fields.aliases = newValue }
    }

    /// The Markdown body as read; loading hands it to the build's `BodyStore` and leaves this empty.
    var body: String {
        get { box.fields.body }
        set { unique(); box.fields.body = newValue }
    }

    var bodyFirstLine: Int {
        get { box.fields.bodyFirstLine }
        set { unique(); box.fields.bodyFirstLine = newValue }
    }

    /// The source file's bytes hashed (the incremental build's notion of "changed").
    var contentHash: UInt64 {
        get { box.fields.contentHash }
        set { unique(); box.fields.contentHash = newValue }
    }

    /// The first paragraph as plain text, when there is no `summary` (listings show it).
    var leadParagraph: String? {
        get { box.fields.leadParagraph }
        set { unique(); box.fields.leadParagraph = newValue }
    }

    /// The paths the body may link to with a `#fragment` (see `FragmentLinkScan`).
    var fragmentLinkPaths: [String] {
        get { box.fields.fragmentLinkPaths }
        set { unique(); box.fields.fragmentLinkPaths = newValue }
    }

    /// `original_images: true`: the bundle's images are published as they are (see
    /// `SiteConfig.ImageSettings.keepsOriginals`).
    var keepsOriginalImages: Bool {
        get { box.fields.keepsOriginalImages }
        set { unique(); box.fields.keepsOriginalImages = newValue }
    }

    /// The permanent id in feeds, an RFC 4151 tag URI: as written in front matter, or derived
    /// from the site's host, the date and the slug when `idLocation` is nil (see `ItemIDs`).
    var id: String {
        get { box.fields.id }
        set { unique(); box.fields.id = newValue }
    }

    /// Where `id` was written; nil for a derived one.
    var idLocation: SourceLocation? {
        get { box.fields.idLocation }
        set { unique(); box.fields.idLocation = newValue }
    }

    /// `news/2023/03/slug/`, the folder of its page under the output root.
    var outputFolder: String {
        "news/" + PublicationDate.pad(date.year, width: 4) + "/" + PublicationDate.pad(date.month) + "/" + slug + "/"
    }

    /// Makes the box this value's own before a field changes.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    private struct Fields {

        var sourcePath: String
        var bundlePath: String?
        var title: String
        var date: PublicationDate
        var updated: PublicationDate?
        var expires: PublicationDate?
        var slug: String
        var summary: String?
        var tags: [String]
        var tagLocations: [SourceLocation]
        var location: String?
        var author: String?
        var image: HeroImage?
        var draft: Bool
        var aliases: [(path: String, location: SourceLocation)]
        var body: String
        var bodyFirstLine: Int
        var contentHash: UInt64
        var leadParagraph: String?
        var fragmentLinkPaths: [String]
        var keepsOriginalImages: Bool
        var id: String
        var idLocation: SourceLocation?
    }

    // Unchecked: a box is changed only through `unique()`, by the one value that holds it;
    // shared boxes are only read.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}

/// A hero image: its source as written and its required alternative text.
struct HeroImage: Sendable {
    var src: String
    var alt: String
    var caption: String?
    var credit: String?
    var location: SourceLocation
    /// `image.focus`: the point the social crop keeps in view.
    var focus: ImageFocus? = nil
}

/// A point of an image as fractions of its width and height (0…1 each, from the top left).
struct ImageFocus: Sendable, Equatable {
    var x: Double
    var y: Double

    static let centre = ImageFocus(x: 0.5, y: 0.5)

    /// `"30% 60%"` (across, then down), as CSS's `object-position` writes it.
    init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts.allSatisfy({ $0.hasSuffix("%") }),
              let x = Double(parts[0].dropLast()), let y = Double(parts[1].dropLast()),
              (0...100).contains(x), (0...100).contains(y) else { return nil }
        self.init(x: x / 100, y: y / 100)
    }

    init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// `30% 60%`.
    var text: String { "\(x * 100)% \(y * 100)%" }
}

/// A page from `content/pages/`, published at `/<slug>/`.
struct Page: Sendable {
    var sourcePath: String
    var title: String
    var slug: String
    var layout: String
    var description: String?
    var menuOrder: Int?
    /// The Markdown body as read; loading hands it to the build's `BodyStore` and leaves this empty.
    var body: String
    var bodyFirstLine: Int
    var contentHash: UInt64 = 0
    /// The paths the body may link to with a `#fragment` (see `FragmentLinkScan`).
    var fragmentLinkPaths: [String] = []

    var outputFolder: String { slug + "/" }
}

/// A file copied as-is: from `static/` to the output root, or from a bundle beside its item.
struct CopiedFile: Sendable, Equatable {
    /// Absolute path on disk.
    var sourceURL: URL
    /// Path under the output root.
    var outputPath: String
    /// A static `.html` page search engines may list: it goes into the sitemap.
    var isSitemapPage = false
}
