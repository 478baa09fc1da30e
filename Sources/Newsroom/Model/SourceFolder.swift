import Foundation

/// A folder the author owns (the site or a theme) on disk and how its paths are shown to the author.
public struct SourceFolder: Sendable {
    /// The folder, absolute.
    public var url: URL
    /// The folder as the author named it (`site`, `../blog/site`), used to print paths.
    var displayName: String

    public init(url: URL, displayName: String) {
        self.url = url.standardizedFileURL
        self.displayName = displayName
    }

    /// `site/content/news/x.md` for `content/news/x.md`.
    func display(_ relativePath: String) -> String {
        let base = displayName.hasSuffix("/") ? String(displayName.dropLast()) : displayName
        if base.isEmpty || base == "." { return relativePath }
        return base + "/" + relativePath
    }

    func file(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    /// The absolute path of `relativePath`, for system calls (cheaper than a URL per file).
    func path(_ relativePath: String) -> String {
        url.path + "/" + relativePath
    }

    func location(_ relativePath: String, line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: display(relativePath), line: line, column: column)
    }
}
