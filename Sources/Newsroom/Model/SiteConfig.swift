import Foundation

/// Everything `site.yml` says.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Always ends with `/`.
    public var baseURL: String
    public var language: String
    public var timeZone: TimeZone
    public var theme: String
    public var perPage: Int
    public var allowsRawHTML: Bool
    public var cleanURLs: Bool
    public var feed: FeedSettings
    public var menu: [MenuEntry]
    public var social: [SocialLink]
    public var banner: Banner?
    public var newsletter: Newsletter?
    public var mediaContact: MediaContact?
    public var contactEmail: String?
    /// Markdown, appended to press releases.
    public var about: String?
    /// Where `about` was written, for its link errors.
    public var aboutLocation: SourceLocation?
    /// `site.yml`'s bytes hashed, for the keys of incremental builds (see `KeyHasher.combine(inputsOf:)`).
    public var fileHash: UInt64 = 0

    public struct FeedSettings: Sendable {
        public var items: Int = 20
        public var fullContent: Bool = true
    }

    public struct MenuEntry: Sendable {
        public var label: String
        public var url: String
        public var location: SourceLocation
    }

    public struct SocialLink: Sendable {
        public var icon: String
        public var url: String
        public var label: String
        public var location: SourceLocation
    }

    public struct Banner: Sendable {
        public var text: String
        public var callToAction: String
        public var url: String
        public var start: PublicationDate?
        public var end: PublicationDate?

        /// Whether the banner shows at `now`: inside [start, end), either side open when unset.
        public func isShowing(at now: Date) -> Bool {
            if let start, now < start.instant { return false }
            if let end, now >= end.instant { return false }
            return true
        }
    }

    public struct Newsletter: Sendable {
        public var action: String
        public var title: String
        public var text: String
        public var thankYou: String?
    }

    public struct MediaContact: Sendable {
        public var name: String
        public var email: String
        public var phone: String?
    }

    /// The path part of `baseURL` (`/` or `/newsroom/`), for `404.html`'s root-relative links.
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}
