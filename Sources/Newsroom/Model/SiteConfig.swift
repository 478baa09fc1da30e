import Foundation

/// Everything `site.yml` says.
struct SiteConfig: Sendable {
    var title: String
    var description: String
    /// Always ends with `/`.
    var baseURL: String
    var language: String
    var timeZone: TimeZone
    var theme: String
    var perPage: Int
    /// How listings number their pages (see `Paging`).
    var pagination: Paging.Style = .stable
    var allowsRawHTML: Bool
    var cleanURLs: Bool
    var feed: FeedSettings
    var menu: [MenuEntry]
    var social: [SocialLink]
    var banner: Banner?
    var newsletter: Newsletter?
    var mediaContact: MediaContact?
    var contactEmail: String?
    /// Markdown, appended to press releases.
    var about: String?
    /// Where `about` was written, for its link errors.
    var aboutLocation: SourceLocation?
    /// Where the header's search box looks: the site's own index (`local`, the default) or an
    /// external engine restricted to the site's host (`external`).
    var search: SearchChoice = .local
    /// `site.yml`'s bytes hashed, for the keys of incremental builds (see `KeyHasher.combine(inputsOf:)`).
    var fileHash: UInt64 = 0
    /// `images:` (see `ImageSettings`).
    var images = ImageSettings()

    struct ImageSettings: Sendable {
        /// `originals: true`: publish each image file as it is instead of re-encoded (never one
        /// that carries GPS coordinates).
        var keepsOriginals = false
        /// `max_megapixels`: images with more pixels are refused (decompression bombs).
        var maxMegapixels = 50
        var location: SourceLocation?
    }

    enum SearchChoice: String, Sendable {
        case local, external
    }

    struct FeedSettings: Sendable {
        var items: Int = 20
        var fullContent: Bool = true
        /// The most bytes each feed file may hold (see `FeedSizeCap`).
        var maxBytes: Int = 512 * 1024
        /// WebSub hubs the feeds announce (`websub.hub`).
        var hubs: [String] = []
    }

    struct MenuEntry: Sendable {
        var label: String
        var url: String
        var location: SourceLocation
    }

    struct SocialLink: Sendable {
        var icon: String
        var url: String
        var label: String
        var location: SourceLocation
    }

    struct Banner: Sendable {
        var text: String
        var callToAction: String
        var url: String
        var start: PublicationDate?
        var end: PublicationDate?

        /// Whether the banner shows at `now`: inside [start, end), either side open when unset.
        func isShowing(at now: Date) -> Bool {
            if let start, now < start.instant { return false }
            if let end, now >= end.instant { return false }
            return true
        }
    }

    struct Newsletter: Sendable {
        var action: String
        var title: String
        var text: String
        var thankYou: String?
    }

    struct MediaContact: Sendable {
        var name: String
        var email: String
        var phone: String?
    }

    var paging: Paging { Paging(style: pagination, perPage: perPage) }

    /// The path part of `baseURL` (`/` or `/newsroom/`), for `404.html`'s root-relative links.
    var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}
