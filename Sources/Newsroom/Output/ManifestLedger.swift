import Foundation

/// The previous build's state and the manifest a build makes as its files are staged or kept,
/// from several threads at once.
final class ManifestLedger: @unchecked Sendable {
    /// What the last build left.
    let previousState: IncrementalState
    /// Its manifest.
    let previous: OutputManifest
    private var next = OutputManifest()
    /// The state `commit` saves with the files; the ledger fills in its manifest.
    private var saved = IncrementalState()
    private var unchangedCount = 0
    private let mutex = NSLock()

    init(previous state: IncrementalState) {
        self.previousState = state
        self.previous = state.manifest
    }

    /// The manifest so far.
    var manifest: OutputManifest { mutex.withLock { next } }

    /// Files kept as the previous build left them.
    var unchanged: Int { mutex.withLock { unchangedCount } }

    var paths: [String] { mutex.withLock { Array(next.entries.keys) } }

    /// Records the state `commit` saves beside the files (its manifest is the ledger's).
    func record(_ state: IncrementalState) {
        mutex.withLock {
            saved = state
            next.digest = state.manifest.digest
        }
    }

    /// The state to save: the one recorded, with this build's manifest.
    var state: IncrementalState {
        mutex.withLock {
            var state = saved
            state.manifest = next
            return state
        }
    }

    /// A file written by this build.
    func wrote(_ path: String, _ entry: OutputManifest.Entry) {
        mutex.withLock { next.entries[path] = entry }
    }

    /// A file left as it is on disk.
    func keep(_ path: String, _ entry: OutputManifest.Entry) {
        mutex.withLock {
            next.entries[path] = entry
            unchangedCount += 1
        }
    }

    /// Every file of the previous build, left as it is.
    func keepAll() {
        mutex.withLock {
            next = previous
            unchangedCount = previous.entries.count
        }
    }
}
