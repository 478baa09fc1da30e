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
    /// `site.yml`'s bytes hashed, for the keys of incremental builds (see `KeyHasher.combine(inputsOf:)`).
    var fileHash: UInt64 = 0

    struct FeedSettings: Sendable {
        var items: Int = 20
        var fullContent: Bool = true
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
