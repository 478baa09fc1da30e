import Foundation

/// One file the build produces, under the output root.
struct OutputFile: Sendable {
    enum Content: Sendable {
        case data(Data)
        case copy(URL)
        /// Left as the previous build wrote it: same inputs, untouched on disk.
        case kept
    }

    var path: String
    var content: Content
    /// What it was made from, stored so a rebuild can skip it when nothing changed (0: untracked).
    var cacheKey: UInt64 = 0
    /// Each link and image of the page's Markdown body, by the URL written into the page, with
    /// the place in the source that wrote it: `check` reports a problem with one there.
    var bodyLinks = SourceMarks()
    /// Each heading of the page's Markdown body, by its id, with its place in the source.
    var bodyHeadings = SourceMarks()

    init(path: String, content: Content, cacheKey: UInt64 = 0) {
        self.path = path
        self.content = content
        self.cacheKey = cacheKey
    }

    static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, content: .data(Data(text.utf8)))
    }
}
