import Foundation
import Synchronization

/// The previous build's state and the manifest a build makes as its files are staged or kept,
/// from several threads at once.
final class ManifestLedger: Sendable {
    /// What the last build left.
    let previousState: IncrementalState
    /// Its manifest.
    let previous: OutputManifest
    private let current = Mutex(Current())

    /// What this build has recorded so far.
    private struct Current {
        var manifest = OutputManifest()
        /// The state `commit` saves with the files; the ledger fills in its manifest.
        var saved = IncrementalState()
        var unchanged = 0
    }

    init(previous state: IncrementalState) {
        self.previousState = state
        self.previous = state.manifest
        // A rebuild records about as many files as the last build made, most of them kept.
        let capacity = state.manifest.entries.count
        current.withLock { $0.manifest.entries.reserveCapacity(capacity) }
    }

    /// The manifest so far.
    var manifest: OutputManifest { current.withLock { $0.manifest } }

    /// Files kept as the previous build left them.
    var unchanged: Int { current.withLock { $0.unchanged } }

    var paths: [String] { current.withLock { Array($0.manifest.entries.keys) } }

    /// Records the state `commit` saves beside the files (its manifest is the ledger's).
    func record(_ state: IncrementalState) {
        current.withLock {
            $0.saved = state
            $0.manifest.digest = state.manifest.digest
        }
    }

    /// The state to save: the one recorded, with this build's manifest.
    var state: IncrementalState {
        current.withLock {
            var state = $0.saved
            state.manifest = $0.manifest
            return state
        }
    }

    /// A file written by this build.
    func wrote(_ path: String, _ entry: OutputManifest.Entry) {
        current.withLock { $0.manifest.entries[path] = entry }
    }

    /// A file left as it is on disk.
    func keep(_ path: String, _ entry: OutputManifest.Entry) {
        current.withLock {
            $0.manifest.entries[path] = entry
            $0.unchanged += 1
        }
    }

    /// Every file of the previous build, left as it is.
    func keepAll() {
        let previous = self.previous
        current.withLock {
            $0.manifest = previous
            $0.unchanged = previous.entries.count
        }
    }
}
