/// One feed, whatever format it is written in: what RSS 2.0, Atom 1.0 and JSON Feed 1.1 all
/// say, with every URL already absolute. The generator fills it once per listing; each
/// writer turns it into its format.
public struct Feed: Sendable, Equatable {
    public var title: String
    public var description: String
    public var language: String
    /// The listing's page (`https://host/news/`).
    public var homeURL: String
    /// The feed's own URL; the caller sets it for each format's file.
    public var selfURL: String
    /// Who publishes the feed (the site): Atom wants an author on the feed or on every entry.
    public var author: String
    /// WebSub hubs the feed announces (`rel="hub"`, JSON Feed `hubs`).
    public var hubs: [String]
    /// The newest entry's date (updated or published): from the content, never the clock.
    /// Nil for a feed with no entries.
    public var updated: FeedDate?
    /// Newest first.
    public var entries: [FeedEntry]

    public init(title: String, description: String, language: String, homeURL: String, selfURL: String, author: String, hubs: [String], updated: FeedDate?, entries: [FeedEntry]) {
        self.title = title
        self.description = description
        self.language = language
        self.homeURL = homeURL
        self.selfURL = selfURL
        self.author = author
        self.hubs = hubs
        self.updated = updated
        self.entries = entries
    }
}

/// One news item in a feed.
public struct FeedEntry: Sendable, Equatable {
    /// The permanent id (an RFC 4151 tag URI): RSS `guid`, Atom `id`, JSON Feed `id`.
    public var id: String
    public var title: String
    /// The item's page.
    public var url: String
    public var published: FeedDate
    public var updated: FeedDate?
    /// Plain text.
    public var summary: String
    /// The body as HTML with absolute URLs; nil when the feed carries summaries only, or the
    /// size cap took it out.
    public var contentHTML: String?
    /// The item's tags as written.
    public var categories: [String]
    public var author: String?
    public var image: FeedImage?

    public init(id: String, title: String, url: String, published: FeedDate, updated: FeedDate?, summary: String, contentHTML: String?, categories: [String], author: String?, image: FeedImage?) {
        self.id = id
        self.title = title
        self.url = url
        self.published = published
        self.updated = updated
        self.summary = summary
        self.contentHTML = contentHTML
        self.categories = categories
        self.author = author
        self.image = image
    }
}

/// An item's hero image: RSS `enclosure` and `media:content`, Atom `rel="enclosure"`, JSON
/// Feed `image`.
public struct FeedImage: Sendable, Equatable {
    public var url: String
    /// `image/jpeg` …; nil when the URL does not say.
    public var mediaType: String?
    /// Bytes of the published file; nil for an image on another site.
    public var length: Int?
    public var alt: String

    public init(url: String, mediaType: String?, length: Int?, alt: String) {
        self.url = url
        self.mediaType = mediaType
        self.length = length
        self.alt = alt
    }

    /// The media type an image file's extension names (`photo.JPG` → `image/jpeg`).
    public static func mediaType(ofPath path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "svg": return "image/svg+xml"
        default: return nil
        }
    }
}

/// A moment as the formats write it: RFC 822 for RSS, RFC 3339 for Atom and JSON Feed.
public struct FeedDate: Sendable, Equatable {
    public var rfc822: String
    public var rfc3339: String

    public init(rfc822: String, rfc3339: String) {
        self.rfc822 = rfc822
        self.rfc3339 = rfc3339
    }
}
