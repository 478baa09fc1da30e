import Foundation

/// What an archive says about the site it came from, for `site.yml` and for recognising links
/// into the old site.
struct OldSite: Sendable {
    var title: String?
    var description: String?
    /// `https://example.org/blog/`, as configured (or given with `--base-url`).
    var baseURL: String?
    var language: String?
    var timeZone: String?
    /// True when bodies are HTML (WordPress), which needs `raw_html: true`.
    var needsRawHTML = false

    /// The path of the base URL without its trailing slash (`/blog`), "" at a host's root.
    var basePath: String {
        guard let baseURL, let url = URL(string: baseURL) else { return "" }
        let path = url.path
        return path == "/" ? "" : (path.hasSuffix("/") ? String(path.dropLast()) : path)
    }

    /// The host, lower-cased, for recognising absolute links into the old site.
    var host: String? {
        baseURL.flatMap { URL(string: $0)?.host?.lowercased() }
    }
}

/// An archive read: the site's settings and every item and page in it.
struct Archive: Sendable {
    var site = OldSite()
    var entries: [ImportedEntry] = []
    /// Whose template code the bodies may hold.
    var kind: ImportKind = .markdown
    /// The old site's listing pages of news (Hugo's `/posts/`), as URL keys: links to them go
    /// to the news index, and each gets a redirect page there.
    var listings: Set<String> = []
    /// Where the archive's files are (for looking up what posts reference).
    var folder: ArchiveFolder?
}
