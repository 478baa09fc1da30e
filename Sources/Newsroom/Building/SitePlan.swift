import NewsroomFeeds

/// What the build will publish and where: decided before anything is rendered.
struct SitePlan {
    var items: [NewsItem]
    var pages: [Page]
    var itemFiles: [String]
    var pageFiles: [String]
    var news: Listing
    var tags: [Tag]
    /// Each item's tags as indexes into `tags` and `tagListings`, in its own order, once each.
    var itemTags: [[Int]]
    /// Tag slug → index into `tags` and `tagListings`.
    var tagIndex: [String: Int]
    var tagListings: [Listing]
    var yearListings: [Listing]
    var monthListings: [Listing]
    /// Each item's hero image for cards: an output file or an outside URL (nil: none or broken).
    var itemImages: [ImageTarget?] = []
    var copies: [CopiedFile]
    /// Alias output file → the item page it redirects to.
    var aliases: [(file: String, target: String)]
    var index: OutputIndex

    static let homeFile = "index.html"
    static let notFoundFile = "404.html"
    static let feedFile = "news/feed.xml"
    static let tagsFile = "news/tags/index.html"
    static let sitemapFile = "sitemap.xml"
    static let robotsFile = "robots.txt"

    static func tagFeedFile(_ tag: Tag) -> String { "news/tags/\(tag.slug)/feed.xml" }
    /// The first page of the month archive `date` falls in.
    static func monthFile(of date: PublicationDate) -> String {
        "news/\(PublicationDate.pad(date.year, width: 4))/\(PublicationDate.pad(date.month))/index.html"
    }

    var listings: [Listing] { [news] + tagListings + yearListings + monthListings }

    /// Every feed file with its format and the listing it carries: the news feeds, then each
    /// tag's, every listing in each format.
    var feeds: [(file: String, format: FeedFormat, listing: Listing)] {
        ([news] + tagListings).flatMap { listing in
            FeedFormat.allCases.map { (Self.feedFile(listing.folder, format: $0), $0, listing) }
        }
    }

    /// `news/atom.xml`, `news/tags/x/feed.json` …: a listing's feed in `format`.
    static func feedFile(_ listingFolder: String, format: FeedFormat) -> String {
        listingFolder + format.fileName
    }
}

/// Where an item's image is: one of the site's files, or an outside URL.
enum ImageTarget: Equatable {
    case file(String, suffix: String)
    case external(String)
}
