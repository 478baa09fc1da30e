import CArena
import CCmarkCharacters
import CCmarkGFM
import Foundation
import Synchronization

/// The process-wide cmark-gfm state: extension registration, and the lock that serialises the
/// one step that is not thread-safe wherever cmark-gfm's own switching of special characters is
/// still in effect.
///
/// cmark-gfm keeps the inline parser's table of special characters in a global: each parse
/// switches its extensions' characters (`~`, `:`, `w`) on when inline parsing starts and off
/// when it ends, so a parse finishing on one thread drops `~~strike~~` and `www.` links from a
/// parse running on another. Inline parsing happens in `cmark_parser_finish`; feeding lines
/// (block parsing), tree edits and HTML rendering touch no shared state and run in parallel.
/// `ConcurrentRenderTests` fails by the hundreds when the lock is dropped with the switching
/// left as it is.
///
/// `CCmarkCharacters` replaces the library's switch, where the dynamic linker lets it, with one
/// that switches the characters on once and never off, but autolink's, which are on while any
/// parse with that extension runs. The session's first parse tells which one the library calls;
/// when it is ours, `cmark_parser_finish` runs without the lock. That is safe only because every
/// parser attaches `extensions`, the same list in the same order, or `extensionsWithoutAutolink`,
/// which needs none of autolink's characters.
///
/// Switching the characters on once and emptying the extensions' lists (so each parse's own
/// switching touches nothing) does not work: the inline parser also finds which extension owns
/// a delimiter such as `~` through those lists, and hangs without them.
// Unchecked: `arena` and `extensions` are C pointers set once in `init` and only read after.
final class CmarkSession: @unchecked Sendable {
    static let shared = CmarkSession()

    private let lock = Mutex(())

    /// cmark-gfm's allocator for a document: the calling thread's arena (`CArena`), between
    /// `newsroom_arena_begin` and `newsroom_arena_end`. A document's tree and HTML are thousands
    /// of small blocks that die together; from glibc's malloc they cost a tenth of a build.
    let arena: UnsafeMutablePointer<cmark_mem>

    /// The extensions every document uses, found once in cmark-gfm's registry.
    let extensions: [OpaquePointer]

    /// `extensions` less autolink, for a body whose HTML shows it has nothing to autolink (see
    /// `CmarkDocument.parse`). Its parse may see the autolink extension's characters (`:` and
    /// `w`) switched on, while a parse with the extension runs (see `CCmarkCharacters`); with no
    /// extension to claim them they end a text node just as they do when it declines them. The
    /// tree then differs only in where text nodes end (autolink's pass merges adjacent ones),
    /// which renders as the same HTML and reads as the same text.
    let extensionsWithoutAutolink: [OpaquePointer]

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
        let extensions = names.compactMap { cmark_find_syntax_extension($0) }
        self.extensions = extensions
        let autolink = cmark_find_syntax_extension("autolink")
        extensionsWithoutAutolink = extensions.filter { $0 != autolink }
        arena = .allocate(capacity: 1)
        arena.initialize(to: cmark_mem(calloc: newsroom_arena_calloc, realloc: newsroom_arena_realloc, free: newsroom_arena_free))
        // The first parse of the process, with every extension: it switches the special
        // characters on, and shows whether the switch is ours.
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        for syntax in extensions { cmark_parser_attach_syntax_extension(parser, syntax) }
        let first = "~~a~~ www.a.org"
        cmark_parser_feed(parser, first, first.utf8.count)
        cmark_node_free(cmark_parser_finish(parser))
        cmark_parser_free(parser)
        parsesInParallel = newsroom_cmark_characters_fixed()
    }

    /// Whether documents' inline parsing runs without the lock: the special characters are
    /// switched by `CCmarkCharacters`.
    let parsesInParallel: Bool

    /// Runs `body`, which finishes a parse, under the lock unless `parsesInParallel`.
    func inlineParsing<T>(_ body: () -> T) -> T {
        parsesInParallel ? body() : lock.withLock { _ in body() }
    }
}
