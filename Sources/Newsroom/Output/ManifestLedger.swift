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
        /// The files of the manifest left as they are on disk.
        var unchanged = 0
        /// The previous build's files left out when the manifest started as its manifest (see
        /// `keepAll(except:)`); nil when it started empty.
        var leftOut: Set<String>?
        /// How many of the previous build's files were recorded, when the manifest started empty:
        /// all of them, and no file is to be removed.
        var recordedOfPrevious = 0

        /// Records `entry` at `path` (`wasListed`: whether the previous manifest lists it); a
        /// path carried from the previous manifest and recorded again counts once, as what it is now.
        mutating func record(_ path: String, _ entry: OutputManifest.Entry, kept: Bool, wasListed: Bool) {
            if manifest.entries.updateValue(entry, forKey: path) != nil {
                if leftOut != nil { unchanged -= 1 }
            } else if wasListed {
                recordedOfPrevious += 1
            }
            if kept { unchanged += 1 }
        }
    }

    /// The previous build's files that may have changed on disk since it made or checked them,
    /// when that is known (`serve` watches its output, `OutputCheck` looked at them while the
    /// site was planned): the others are kept without a look.
    let touched: Set<String>?

    /// - Parameter reported: the paths (relative) reported changed in the output folder since
    ///   the previous build began checking its files, when known (see `OutputWatch`).
    init(previous state: IncrementalState, reported: Set<String>? = nil) {
        self.previousState = state
        self.previous = state.manifest
        self.touched = reported.map { Self.files(of: state.manifest, touchedBy: $0) }
        // A rebuild records about as many files as the last build made, most of them kept.
        let capacity = state.manifest.entries.count
        current.withLock { $0.manifest.entries.reserveCapacity(capacity) }
    }

    /// Whether the previous build's file at `path` may have changed since it was checked.
    func mayHaveChanged(_ path: String) -> Bool {
        touched.map { $0.contains(path) } ?? true
    }

    /// The previous build's entry for the file at `path` when nothing reported it touched since:
    /// a file that can be kept as it is without a look at it; nil otherwise.
    func untouchedEntry(_ path: String) -> OutputManifest.Entry? {
        mayHaveChanged(path) ? nil : previous.entries[path]
    }

    /// The files of `manifest` that a change reported at one of `paths` may have touched: the
    /// file itself, or any file below a folder reported (made, moved or removed).
    private static func files(of manifest: OutputManifest, touchedBy paths: Set<String>) -> Set<String> {
        var touched: Set<String> = []
        var folders: [String] = []
        for path in paths {
            if manifest.entries[path] != nil {
                touched.insert(path)
            } else if !path.hasSuffix(StagedSession.stagedSuffix), !path.hasPrefix(".newsroom") {
                // Not a file of the last build: a folder, or a file of no concern; only a folder
                // matters, for the files below it.
                folders.append(path + "/")
            }
        }
        if !folders.isEmpty {
            for path in manifest.entries.keys where folders.contains(where: { path.hasPrefix($0) }) { touched.insert(path) }
        }
        return touched
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
        let wasListed = previous.entries[path] != nil
        current.withLock { $0.record(path, entry, kept: false, wasListed: wasListed) }
    }

    /// A file left as it is on disk.
    func keep(_ path: String, _ entry: OutputManifest.Entry) {
        let wasListed = previous.entries[path] != nil
        current.withLock { $0.record(path, entry, kept: true, wasListed: wasListed) }
    }

    /// Files left as they are on disk, recorded at once.
    func keep(_ files: [(String, OutputManifest.Entry)]) {
        // Looked up before the lock is taken: the threads recording files wait on it.
        let listed = files.map { previous.entries[$0.0] != nil }
        current.withLock {
            for ((path, entry), wasListed) in zip(files, listed) { $0.record(path, entry, kept: true, wasListed: wasListed) }
        }
    }

    /// Every file of the previous build, left as it is.
    func keepAll() {
        keepAll(except: [])
    }

    /// Every file of the previous build but those at `paths`, left as it is, for a build that
    /// makes the same files as that build: one copy of its manifest instead of an entry at a
    /// time. A file recorded after replaces its entry.
    func keepAll(except paths: Set<String>) {
        var manifest = previous
        for path in paths { manifest.entries[path] = nil }
        current.withLock {
            $0.manifest = manifest
            $0.unchanged = manifest.entries.count
            $0.leftOut = paths
        }
    }

    /// The previous build's files this build does not make, in path order.
    var dropped: [String] {
        let previous = self.previous
        return current.withLock { current in
            if current.leftOut == nil, current.recordedOfPrevious == previous.entries.count { return [] }
            // A manifest carried from the previous one lacks only what `keepAll(except:)` left
            // out and was not recorded again: a build that removes nothing looks at no other path.
            let candidates = current.leftOut.map { Array($0) } ?? Array(previous.entries.keys)
            return candidates.filter { current.manifest.entries[$0] == nil }.sorted()
        }
    }
}
