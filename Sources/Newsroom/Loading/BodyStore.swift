import Foundation
import NewsroomMarkdown
import Synchronization

/// The Markdown bodies of one build's items and pages, each parsed once.
///
/// Loading parses every body it reads (the first paragraph is a listing's summary) and keeps
/// the parse while `Options.bytesInMemory` allows; rendering fills it for the page and for the
/// feeds. A body not kept (past the budget, or an item reused from the previous build) is read
/// again when a page needs it, and a file that vanished or changed since loading is an error at
/// that file, never an empty body.
final class BodyStore: Sendable {
    /// How the store treats the bodies it is given.
    struct Options: Sendable {
        /// How many bytes of parsed bodies stay in memory for rendering; bodies past it are read
        /// and parsed again when their page renders, so memory stays flat on large sites.
        var bytesInMemory = 64 << 20
        /// Called with each Markdown text parsed, by the store and by rendering (a test counts
        /// parses with it).
        var onParse: (@Sendable (String) -> Void)?

        init(bytesInMemory: Int = 64 << 20, onParse: (@Sendable (String) -> Void)? = nil) {
            self.bytesInMemory = bytesInMemory
            self.onParse = onParse
        }
    }

    // Indirect: a case's payload is held by reference, so the table's slots (one per body,
    // most of them `dropped` on a large site) are a pointer wide instead of a parse wide.
    private indirect enum Entry: Sendable {
        case parsed(ParsedMarkdown)
        /// Parsed but not kept. Not even its ids: at 100,000 items they were 50 MB, and a
        /// fragment check of a body parses it again (once, see `AnchorBook`).
        case dropped
        /// Read again and found gone or changed. Reported to every caller that asks for the
        /// body (the log drops repeats): the first to ask may be one that ignores problems,
        /// such as a fragment check, and the page must still fail.
        case failed(Diagnostic)
    }

    let folder: SourceFolder
    let fileSystem: FileSystem
    let markdown: MarkdownRenderer
    private let budget: ByteBudget
    private let entries = Mutex<[String: Entry]>([:])

    init(folder: SourceFolder, fileSystem: FileSystem = .local, allowsRawHTML: Bool, options: Options = Options()) {
        self.fileSystem = fileSystem
        self.folder = folder
        self.markdown = MarkdownRenderer(allowsRawHTML: allowsRawHTML, onParse: options.onParse)
        budget = ByteBudget(options.bytesInMemory)
    }

    /// Parses a body just loaded from `sourcePath`, keeping the parse while the budget allows;
    /// without `firstParagraph` (an item whose summary is given) the parse has none.
    func add(_ body: String, of sourcePath: String, firstParagraph: Bool = true) -> ParsedMarkdown {
        let parsed = markdown.parse(body, firstParagraph: firstParagraph)
        let entry: Entry = budget.take(parsed.byteCount) ? .parsed(parsed) : .dropped
        entries.withLock { $0[sourcePath] = entry }
        return parsed
    }

    /// Whether the budget has turned a parse away: a body added now would most likely not be
    /// kept either.
    var isFull: Bool { budget.hasRefused }

    /// Records the body of `sourcePath` as not kept, without parsing it: for a body loading
    /// needs nothing from (its summary is given) once the store `isFull`, parsed when a page
    /// renders it instead of also while loading.
    func addUnparsed(of sourcePath: String) {
        entries.withLock { $0[sourcePath] = .dropped }
    }

    /// Whether the parse of `sourcePath` is held in memory.
    func keeps(_ sourcePath: String) -> Bool {
        entries.withLock {
            if case .parsed = $0[sourcePath] { return true }
            return false
        }
    }

    /// The parsed body of `sourcePath`: the one kept, or the file read again, checked against
    /// the `contentHash` it had when loaded, and parsed. Nil when the file vanished or changed
    /// (an error logged the first time it is asked for).
    func parsed(_ sourcePath: String, contentHash: UInt64, log: inout DiagnosticLog) -> ParsedMarkdown? {
        let entry = entries.withLock { $0[sourcePath] }
        switch entry {
        case .parsed(let parsed): return parsed
        case .failed(let diagnostic):
            log.add(diagnostic)
            return nil
        case .dropped, nil: break
        }
        switch reread(sourcePath, contentHash: contentHash) {
        case .success(let body):
            let parsed = markdown.parse(body)
            let kept = entry == nil && budget.take(parsed.byteCount)
            entries.withLock { entries in
                if case .failed = entries[sourcePath] { return }
                entries[sourcePath] = kept ? .parsed(parsed) : .dropped
            }
            return parsed
        case .failure(let diagnostic):
            entries.withLock { $0[sourcePath] = .failed(diagnostic) }
            log.add(diagnostic)
            return nil
        }
    }

    /// The ids in the body of `sourcePath` (for `#fragment` checks); nil when it cannot be read.
    func anchors(_ sourcePath: String, contentHash: UInt64) -> [String]? {
        switch entries.withLock({ $0[sourcePath] }) {
        case .parsed(let parsed): return parsed.anchors
        case .failed: return nil
        case .dropped, nil:
            // Reported by the page that shows the body.
            var ignored = DiagnosticLog()
            return parsed(sourcePath, contentHash: contentHash, log: &ignored)?.anchors
        }
    }

    private func reread(_ sourcePath: String, contentHash: UInt64) -> Result<String, Diagnostic> {
        let display = folder.display(sourcePath)
        guard let data = FileBytes.read(folder.path(sourcePath), fileSystem: fileSystem) else {
            return .failure(.error("the file disappeared during the build; build again", at: SourceLocation(path: display)))
        }
        guard ContentHash.of(data) == contentHash else {
            return .failure(.error("the file changed during the build; build again", at: SourceLocation(path: display)))
        }
        return FrontMatter.split(data, path: display).map(\.body)
    }
}

/// A number of bytes that several threads take from until it runs out.
final class ByteBudget: Sendable {
    private let left: Mutex<(bytes: Int, refused: Bool)>

    init(_ bytes: Int) {
        left = Mutex((bytes, false))
    }

    /// Whether a `take` has been refused, or nothing is left.
    var hasRefused: Bool { left.withLock { $0.refused || $0.bytes == 0 } }

    /// Takes `count` bytes if that many are left; false (taking nothing) when not.
    func take(_ count: Int) -> Bool {
        left.withLock { left in
            guard count <= left.bytes else {
                left.refused = true
                return false
            }
            left.bytes -= count
            return true
        }
    }
}
