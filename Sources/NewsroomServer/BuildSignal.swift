import Foundation
import Synchronization

/// The last build's status, and the pages waiting for the next one: each wait is answered the
/// moment a build finishes (not at the next tick of a poll), or when its time is up.
final class BuildSignal: Sendable {
    private struct State {
        var status = PreviewServer.Status(build: 0, error: nil)
        /// Each waiting page, with its file in the output folder when it said which it shows.
        var waiters: [Int: (continuation: CheckedContinuation<PreviewServer.Status, Never>, page: String?)] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    var status: PreviewServer.Status { state.withLock { $0.status } }

    /// Counts a build and answers every waiting page.
    func finished(error: String?) {
        let (status, waiters) = state.withLock { state in
            state.status.build += 1
            state.status.error = error
            defer { state.waiters = [:] }
            return (state.status, state.waiters.values.map(\.continuation))
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// The files (in the output folder) of the pages waiting now: the pages open in a browser.
    var openPages: Set<String> {
        state.withLock { Set($0.waiters.values.compactMap(\.page)) }
    }

    /// The status once its build differs from `known`, or after `seconds` as it is then.
    /// `page` is the file the waiting page shows, when known.
    func wait(after known: Int, seconds: Double, page: String? = nil) async -> PreviewServer.Status {
        await withCheckedContinuation { continuation in
            let id: Int? = state.withLock { state in
                if state.status.build != known { return nil }
                let id = state.nextWaiter
                state.nextWaiter += 1
                state.waiters[id] = (continuation, page)
                return id
            }
            guard let id else {
                continuation.resume(returning: status)
                return
            }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                let (waiter, status) = state.withLock { state in (state.waiters.removeValue(forKey: id), state.status) }
                waiter?.continuation.resume(returning: status)
            }
        }
    }
}
