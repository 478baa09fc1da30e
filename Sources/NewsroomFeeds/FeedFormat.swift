/// The three formats every feed is written in, side by side in one folder.
public enum FeedFormat: String, CaseIterable, Sendable {
    case rss, atom, json

    /// The file name beside the listing (`news/feed.xml`, `news/atom.xml`, `news/feed.json`).
    public var fileName: String {
        switch self {
        case .rss: return "feed.xml"
        case .atom: return "atom.xml"
        case .json: return "feed.json"
        }
    }

    /// For `<link rel="alternate" type=…>` and the feeds' self links.
    public var mediaType: String {
        switch self {
        case .rss: return "application/rss+xml"
        case .atom: return "application/atom+xml"
        case .json: return "application/feed+json"
        }
    }

    /// How a page names the format in its `<link rel="alternate" title=…>`.
    public var label: String {
        switch self {
        case .rss: return "RSS"
        case .atom: return "Atom"
        case .json: return "JSON Feed"
        }
    }

    /// The feed's UTF-8 bytes in this format.
    public func write(_ feed: Feed) -> [UInt8] {
        switch self {
        case .rss: return RSSWriter.write(feed)
        case .atom: return AtomWriter.write(feed)
        case .json: return JSONFeedWriter.write(feed)
        }
    }
}
