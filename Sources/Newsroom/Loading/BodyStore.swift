import Foundation
import NewsroomMarkdown
import Synchronization

/// The Markdown bodies of one build's items and pages, each parsed once.
///
/// Loading parses every body it reads (the first paragraph is a listing's summary) and keeps
/// the parse while `Options.bytesInMemory` allows; rendering fills it for the page and for the
/// feeds. A body not kept (past the budget, or an item reused from the previous build) is read
/// again when a page needs it, and a file that vanished or changed since loading is an error at
/// that file, never an empty body. What a later stage needs of a body read again and not kept
/// is handed to it (`handOver`), which then need not read it a third time.
final class BodyStore: Sendable {
    /// How the store treats the bodies it is given.
    struct Options: Sendable {
        /// How many bytes of parsed bodies stay in memory for rendering; bodies past it are read
        /// and parsed again when their page renders, so memory stays flat on large sites.
        var bytesInMemory = 64 << 20
        /// Called with each Markdown text parsed, by the store and by rendering (a test counts
        /// parses with it).
        var onParse: (@Sendable (String) -> Void)?
        /// What takes over a body read again and not kept, for a site with `config`; nil (or
        /// none made) when no stage needs it.
        var handOver: (@Sendable (_ config: SiteConfig) -> (any BodyHandOver)?)?

        init(bytesInMemory: Int = 64 << 20, onParse: (@Sendable (String) -> Void)? = nil) {
            self.bytesInMemory = bytesInMemory
            self.onParse = onParse
        }
    }

    // A parse and a diagnostic are held by reference, so the table's slots (one per body, most
    // of them `dropped` or `handedOver` on a large site) are a pointer wide instead of a parse wide.
    private enum Entry: Sendable {
        indirect case parsed(ParsedMarkdown)
        /// Parsed but not kept. Not even its ids: at 100,000 items they were 50 MB, and a
        /// fragment check of a body parses it again (once, see `AnchorBook`).
        case dropped
        /// Parsed again, not kept, and handed over as record `n` of `handOver`.
        case handedOver(UInt32)
        /// Read again and found gone or changed. Reported to every caller that asks for the
        /// body (the log drops repeats): the first to ask may be one that ignores problems,
        /// such as a fragment check, and the page must still fail.
        indirect case failed(Diagnostic)
    }

    let folder: SourceFolder
    let fileSystem: FileSystem
    /// The site's folder held open: a body read again is opened by its path inside it, without
    /// the kernel walking the site's own path for each.
    private let openFolder: OpenFolder
    let markdown: MarkdownRenderer
    /// What takes over the bodies read again and not kept; nil when no stage needs them.
    let handOver: (any BodyHandOver)?
    private let budget: ByteBudget
    private let entries = Mutex<[String: Entry]>([:])

    init(folder: SourceFolder, fileSystem: FileSystem = .local, allowsRawHTML: Bool, handOver: (any BodyHandOver)? = nil, options: Options = Options()) {
        self.fileSystem = fileSystem
        self.folder = folder
        openFolder = fileSystem.openFolder(folder.url.path)
        self.markdown = MarkdownRenderer(allowsRawHTML: allowsRawHTML, onParse: options.onParse)
        budget = ByteBudget(options.bytesInMemory)
        self.handOver = handOver
    }

    /// Parses a body just loaded from `sourcePath` (its text, or its UTF-8 bytes, checked),
    /// keeping the parse while the budget allows; without `firstParagraph` (an item whose
    /// summary is given) the parse has none.
    func add(_ body: String, of sourcePath: String, firstParagraph: Bool = true) -> ParsedMarkdown {
        keep(markdown.parse(body, firstParagraph: firstParagraph), of: sourcePath)
    }

    func add(_ body: Data, of sourcePath: String, firstParagraph: Bool = true) -> ParsedMarkdown {
        keep(markdown.parse(utf8: body, firstParagraph: firstParagraph), of: sourcePath)
    }

    private func keep(_ parsed: ParsedMarkdown, of sourcePath: String) -> ParsedMarkdown {
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
    /// (an error logged the first time it is asked for). A body read again and not kept is
    /// handed over, unless `handsOver` is false (the read of the stage it is handed to).
    func parsed(_ sourcePath: String, contentHash: UInt64, handsOver: Bool = true, log: inout DiagnosticLog) -> ParsedMarkdown? {
        let entry = entries.withLock { $0[sourcePath] }
        var handed: UInt32?
        switch entry {
        case .parsed(let parsed): return parsed
        case .failed(let diagnostic):
            log.add(diagnostic)
            return nil
        case .handedOver(let record): handed = record
        case .dropped, nil: break
        }
        switch reread(sourcePath, contentHash: contentHash) {
        case .success(let body):
            let parsed = markdown.parse(utf8: body)
            let kept = entry == nil && budget.take(parsed.byteCount)
            if !kept, handed == nil, handsOver, let handOver { handed = handOver.take(parsed) }
            entries.withLock { entries in
                if case .failed = entries[sourcePath] { return }
                entries[sourcePath] = kept ? .parsed(parsed) : handed.map { .handedOver($0) } ?? .dropped
            }
            return parsed
        case .failure(let diagnostic):
            entries.withLock { $0[sourcePath] = .failed(diagnostic) }
            log.add(diagnostic)
            return nil
        }
    }

    /// The record `handOver` gave for the body of `sourcePath`; nil when its parse is kept, or
    /// it was not read again, or it could not be handed over.
    func handedOver(_ sourcePath: String) -> UInt32? {
        entries.withLock {
            if case .handedOver(let record) = $0[sourcePath] { return record }
            return nil
        }
    }

    /// The ids in the body of `sourcePath` (for `#fragment` checks); nil when it cannot be read.
    func anchors(_ sourcePath: String, contentHash: UInt64) -> [String]? {
        switch entries.withLock({ $0[sourcePath] }) {
        case .parsed(let parsed): return parsed.anchors
        case .failed: return nil
        case .dropped, .handedOver, nil:
            // Reported by the page that shows the body.
            var ignored = DiagnosticLog()
            return parsed(sourcePath, contentHash: contentHash, log: &ignored)?.anchors
        }
    }

    /// The body of `sourcePath` read again: the bytes loading read, hashed, and the body's bytes
    /// checked and handed to cmark as they are. A file changed or gone since is an error at the
    /// file.
    private func reread(_ sourcePath: String, contentHash: UInt64) -> Result<Data, Diagnostic> {
        let display = { self.folder.display(sourcePath) }
        guard let data = fileSystem.read(sourcePath, openFolder)?.data else {
            return .failure(.error("the file disappeared during the build; build again", at: SourceLocation(path: display())))
        }
        guard ContentHash.of(data) == contentHash else {
            return .failure(.error("the file changed during the build; build again", at: SourceLocation(path: display())))
        }
        return FrontMatter.bodyBytes(of: data, path: display)
    }
}

/// Takes what a later stage needs from a body parsed and not kept (the search index's terms),
/// so that stage need not read and parse it again.
protocol BodyHandOver: AnyObject, Sendable {
    /// Keeps what is needed of `parsed`; the number to find it by, or nil when it was not kept.
    func take(_ parsed: ParsedMarkdown) -> UInt32?
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
