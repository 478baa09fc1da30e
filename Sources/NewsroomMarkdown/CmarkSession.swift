import CCmarkGFM
import Foundation

/// The process-wide cmark-gfm state: extension registration and the lock that serialises the
/// one step that is not thread-safe.
///
/// cmark-gfm keeps the inline parser's table of special characters in a global: each parse
/// switches its extensions' characters (`~`, `:`, `w` …) on when inline parsing starts and off
/// when it ends, so a parse finishing on one thread drops `~~strike~~` and `www.` links from a
/// parse running on another. Inline parsing happens in `cmark_parser_finish`; feeding lines
/// (block parsing), tree edits and HTML rendering touch no shared state and run in parallel.
/// `ConcurrentRenderTests` fails by the hundreds without the lock.
final class CmarkSession: @unchecked Sendable {
    static let shared = CmarkSession()

    private let lock = NSLock()

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
    }

    func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
