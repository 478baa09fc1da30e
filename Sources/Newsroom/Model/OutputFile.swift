import Foundation

/// One file the build produces, under the output root.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case data(Data)
        case copy(URL)
        /// Left as the previous build wrote it: same inputs, untouched on disk.
        case kept
    }

    public var path: String
    public var content: Content
    /// What it was made from, stored so a rebuild can skip it when nothing changed (0: untracked).
    public var cacheKey: UInt64 = 0
    /// Each link and image of the page's Markdown body, by the URL written into the page, with
    /// the place in the source that wrote it: `check` reports a problem with one there.
    public var bodyLinks: [String: SourceLocation] = [:]
    /// Each heading of the page's Markdown body, by its id, with its place in the source.
    public var bodyHeadings: [String: SourceLocation] = [:]

    public init(path: String, content: Content, cacheKey: UInt64 = 0) {
        self.path = path
        self.content = content
        self.cacheKey = cacheKey
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, content: .data(Data(text.utf8)))
    }
}
