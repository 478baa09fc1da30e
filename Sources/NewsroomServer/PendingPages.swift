import Foundation
import Synchronization

/// The pages a rebuild has still to put in place after the open pages went first (see
/// `LiveSite.rebuild`): a request for one waits until they are all in place, so that no page is
/// served as it was before the change.
final class PendingPages: Sendable {
    private struct State {
        var paths: Set<String> = []
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Holds back `paths` (relative to the output folder) until `release`.
    func hold(_ paths: Set<String>) {
        state.withLock { $0.paths = paths }
    }

    /// Serves every page again, answering the requests that waited.
    func release() {
        let waiters = state.withLock { state in
            state.paths = []
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the file at `path` (relative to the output folder) is not held back.
    func ready(_ path: String) async {
        await withCheckedContinuation { continuation in
            let held = state.withLock { state in
                guard state.paths.contains(path) else { return false }
                state.waiters.append(continuation)
                return true
            }
            if !held { continuation.resume() }
        }
    }
}
