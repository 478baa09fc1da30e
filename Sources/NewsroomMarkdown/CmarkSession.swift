import CArena
import CCmarkGFM
import Foundation
import Synchronization

/// The process-wide cmark-gfm state: extension registration and the lock that serialises the
/// one step that is not thread-safe.
///
/// cmark-gfm keeps the inline parser's table of special characters in a global: each parse
/// switches its extensions' characters (`~`, `:`, `w` …) on when inline parsing starts and off
/// when it ends, so a parse finishing on one thread drops `~~strike~~` and `www.` links from a
/// parse running on another. Inline parsing happens in `cmark_parser_finish`; feeding lines
/// (block parsing), tree edits and HTML rendering touch no shared state and run in parallel.
/// `ConcurrentRenderTests` fails by the hundreds without the lock.
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

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
        extensions = names.compactMap { cmark_find_syntax_extension($0) }
        arena = .allocate(capacity: 1)
        arena.initialize(to: cmark_mem(calloc: newsroom_arena_calloc, realloc: newsroom_arena_realloc, free: newsroom_arena_free))
    }

    func withLock<T>(_ body: () -> T) -> T {
        lock.withLock { _ in body() }
    }
}
