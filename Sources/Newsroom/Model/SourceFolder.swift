import Foundation

/// A folder the author owns (the site or a theme) on disk and how its paths are shown to the author.
public struct SourceFolder: Sendable {
    /// The folder, absolute.
    public let url: URL
    /// The folder as the author named it (`site`, `../blog/site`), used to print paths.
    let displayName: String
    /// What `display` puts before a relative path: the name and a slash, or nothing for `.`.
    private let displayPrefix: String
    /// `url.path` and a slash, worked out once: `path(_:)` runs for every file read.
    private let pathPrefix: String

    public init(url: URL, displayName: String) {
        self.url = url.standardizedFileURL
        self.displayName = displayName
        let base = displayName.hasSuffix("/") ? String(displayName.dropLast()) : displayName
        displayPrefix = base.isEmpty || base == "." ? "" : base + "/"
        pathPrefix = self.url.path + "/"
    }

    /// `site/content/news/x.md` for `content/news/x.md`.
    func display(_ relativePath: String) -> String {
        displayPrefix + relativePath
    }

    func file(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    /// The absolute path of `relativePath`, for system calls (cheaper than a URL per file).
    func path(_ relativePath: String) -> String {
        pathPrefix + relativePath
    }

    func location(_ relativePath: String, line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: display(relativePath), line: line, column: column)
    }
}
