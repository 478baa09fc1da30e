import CCmarkGFM
import Foundation

/// The process-wide cmark-gfm state: extension registration and the lock that serialises parsing.
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
