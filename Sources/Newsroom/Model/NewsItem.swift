import Foundation

/// A published (or publishable) news item as loaded from `content/news/`.
public struct NewsItem: Sendable {
    /// Where it came from, relative to the site folder (`content/news/2023-03-21-x.md`).
    public var sourcePath: String
    /// The folder of a bundle (`content/news/2023-03-21-x`), nil for a single file.
    public var bundlePath: String?
    public var title: String
    public var date: PublicationDate
    public var updated: PublicationDate?
    /// After this moment the item is taken down (like Hugo's expiryDate).
    public var expires: PublicationDate?
    public var slug: String
    public var summary: String?
    public var tags: [String]
    /// Where each tag was written, same order as `tags`.
    public var tagLocations: [SourceLocation]
    public var location: String?
    public var author: String?
    public var image: HeroImage?
    public var draft: Bool
    public var aliases: [(path: String, location: SourceLocation)]
    /// The Markdown body as read; loading hands it to the build's `BodyStore` and leaves this empty.
    public var body: String
    public var bodyFirstLine: Int
    /// The source file's bytes hashed (the incremental build's notion of "changed").
    public var contentHash: UInt64 = 0
    /// The first paragraph as plain text, when there is no `summary` (listings show it).
    public var leadParagraph: String?
    /// The paths the body may link to with a `#fragment` (see `FragmentLinkScan`).
    public var fragmentLinkPaths: [String] = []

    /// `news/2023/03/slug/`, the folder of its page under the output root.
    public var outputFolder: String {
        "news/" + PublicationDate.pad(date.year, width: 4) + "/" + PublicationDate.pad(date.month) + "/" + slug + "/"
    }
}

/// A hero image: its source as written and its required alternative text.
public struct HeroImage: Sendable {
    public var src: String
    public var alt: String
    public var caption: String?
    public var credit: String?
    public var location: SourceLocation
}

/// A page from `content/pages/`, published at `/<slug>/`.
public struct Page: Sendable {
    public var sourcePath: String
    public var title: String
    public var slug: String
    public var layout: String
    public var description: String?
    public var menuOrder: Int?
    /// The Markdown body as read; loading hands it to the build's `BodyStore` and leaves this empty.
    public var body: String
    public var bodyFirstLine: Int
    public var contentHash: UInt64 = 0
    /// The paths the body may link to with a `#fragment` (see `FragmentLinkScan`).
    public var fragmentLinkPaths: [String] = []

    public var outputFolder: String { slug + "/" }
}

/// A file copied as-is: from `static/` to the output root, or from a bundle beside its item.
public struct CopiedFile: Sendable, Equatable {
    /// Absolute path on disk.
    public var sourceURL: URL
    /// Path under the output root.
    public var outputPath: String
    /// A static `.html` page search engines may list: it goes into the sitemap.
    public var isSitemapPage = false
}
