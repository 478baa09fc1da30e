import Foundation

/// A published (or publishable) news item as loaded from `content/news/`.
struct NewsItem: Sendable {
    /// Where it came from, relative to the site folder (`content/news/2023-03-21-x.md`).
    var sourcePath: String
    /// The folder of a bundle (`content/news/2023-03-21-x`), nil for a single file.
    var bundlePath: String?
    var title: String
    var date: PublicationDate
    var updated: PublicationDate?
    /// After this moment the item is taken down (like Hugo's expiryDate).
    var expires: PublicationDate?
    var slug: String
    var summary: String?
    var tags: [String]
    /// Where each tag was written, same order as `tags`.
    var tagLocations: [SourceLocation]
    var location: String?
    var author: String?
    var image: HeroImage?
    var draft: Bool
    var aliases: [(path: String, location: SourceLocation)]
    /// The Markdown body as read; loading hands it to the build's `BodyStore` and leaves this empty.
    var body: String
    var bodyFirstLine: Int
    /// The source file's bytes hashed (the incremental build's notion of "changed").
    var contentHash: UInt64 = 0
    /// The first paragraph as plain text, when there is no `summary` (listings show it).
    var leadParagraph: String?
    /// The paths the body may link to with a `#fragment` (see `FragmentLinkScan`).
    var fragmentLinkPaths: [String] = []
    /// `original_images: true`: the bundle's images are published as they are (see
    /// `SiteConfig.ImageSettings.keepsOriginals`).
    var keepsOriginalImages = false
    /// The permanent id in feeds, an RFC 4151 tag URI: as written in front matter, or derived
    /// from the site's host, the date and the slug when `idLocation` is nil (see `ItemIDs`).
    var id = ""
    /// Where `id` was written; nil for a derived one.
    var idLocation: SourceLocation?

    /// `news/2023/03/slug/`, the folder of its page under the output root.
    var outputFolder: String {
        "news/" + PublicationDate.pad(date.year, width: 4) + "/" + PublicationDate.pad(date.month) + "/" + slug + "/"
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
