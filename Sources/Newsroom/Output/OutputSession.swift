import Foundation
import Synchronization

/// One build's writes, from `OutputWriter.begin` to `commit` (then `publish`) or `abort`: each
/// file is compared with what the previous build left and written if it changed, and the
/// output changes all at once or not at all. `stage` and `keep` may be called from several
/// threads at once.
///
/// Two strategies do it:
/// - `FirstBuildSession` when there is no output folder yet: every file is written under its
///   own name in a new hidden folder beside it, renamed into place whole by `publish`.
/// - `StagedSession` for an output that exists: each changed file is written beside its
///   target under a staging name, and `commit` renames them all into place, putting every old
///   file back if one cannot be.
protocol OutputSession: AnyObject, Sendable {
    /// The output folder.
    var folder: URL { get }
    /// Where this session writes: the output folder, or for a first build the folder beside it.
    var writeFolder: URL { get }
    /// The state the previous build left, and the manifest this build makes.
    var ledger: ManifestLedger { get }
    /// The file system it writes through.
    var fileSystem: FileSystem { get }
    /// `writeFolder`, held open.
    var root: OpenFolder { get }

    /// Compares `file` with the previous build and writes it (under a staging name, or in the
    /// new folder) if it changed.
    func stage(_ file: OutputFile) throws
    /// Puts everything staged in place and saves the state, unless the session was opened to
    /// leave that to `saveState`.
    func commit() throws -> OutputWriter.Report
    /// Saves the state a commit left unsaved, then lets go of the output folder; nothing to do
    /// when the commit saved it.
    func saveState() throws
    /// Makes the committed output the output, once the caches beside the manifest are written.
    func publish() throws
    /// Drops everything staged: the previous output stays as it was.
    func abort()
}

extension OutputSession {
    /// What the last build left (read again once the folder is locked, if it changed since).
    var previousState: IncrementalState { ledger.previousState }

    /// Every path the build produces so far (all of the previous build's after `keepAllIfIntact`).
    var paths: [String] { ledger.paths }

    /// Records the state `commit` saves beside the files.
    func record(_ state: IncrementalState) {
        ledger.record(state)
    }

    /// Keeps the previous build's file when it was made from the same inputs (`key`) and is
    /// untouched on disk, so it need not be rendered again; false when it must be.
    func keep(_ path: String, key: UInt64) -> Bool {
        guard key != 0, let entry = ledger.previous.entries[path], entry.key == key,
              !ledger.mayHaveChanged(path) || entry.isOnDisk(as: fileSystem.status(path, in: root)) else { return false }
        ledger.keep(path, entry)
        return true
    }

    /// Keeps the previous build's files at `paths` as they are, when each is one and nothing
    /// reported it touched since: for files known to be made from what they were made from
    /// then. False, keeping none, when any is not.
    func keepAsBefore(_ paths: [String]) -> Bool {
        var kept: [(String, OutputManifest.Entry)] = []
        for path in paths {
            guard let entry = ledger.untouchedEntry(path) else { return false }
            kept.append((path, entry))
        }
        ledger.keep(kept)
        return true
    }

    /// Keeps each of the previous build's files at `paths` as it is when it is one and nothing
    /// reported it touched since, all in one go; whether each was kept.
    func keepEachAsBefore(_ paths: [String]) -> [Bool] {
        let ledger = self.ledger
        // Looked up on every core in a few long runs (a task per path costs more than its lookup).
        let found = ParallelMap.runs(over: paths.count) { range in
            paths[range].map(ledger.untouchedEntry)
        }
        var kept: [(String, OutputManifest.Entry)] = []
        kept.reserveCapacity(paths.count)
        for (path, entry) in zip(paths, found) { if let entry { kept.append((path, entry)) } }
        ledger.keep(kept)
        return found.map { $0 != nil }
    }

    /// Keeps every file of the previous build that is on disk as it was written, for a build
    /// that makes the same files, each from what it was made from unless recorded again (a body
    /// edit: see `BodyEdit`); the paths of the others (edited, replaced or removed since), left
    /// out for the build to make again. Only the files that may have been touched are looked
    /// at, when that is known.
    func keepAllAsBefore() -> Set<String> {
        let changed = ledger.previous.filesNotOnDisk(in: root, fileSystem: fileSystem, among: ledger.touched)
        ledger.keepAll(except: changed)
        return changed
    }

    /// Keeps every file of the previous build when each is still on disk as it was written
    /// (same size and time; only those that may have been touched are looked at when that is
    /// known); false, keeping nothing, when any is not or there was no build.
    func keepAllIfIntact() -> Bool {
        let previous = ledger.previous
        guard !previous.entries.isEmpty else { return false }
        let entries = ledger.touched.map { touched in previous.entries.filter { touched.contains($0.key) }.map { $0 } } ?? Array(previous.entries)
        let intact = Mutex(true)
        let fileSystem = self.fileSystem, root = self.root
        // Eight parts, each checking every eighth file, all stop soon after one finds a change.
        ParallelMap.forEach(8) { part in
            for index in stride(from: part, to: entries.count, by: 8) where intact.withLock({ $0 }) {
                let (path, entry) = entries[index]
                guard entry.isOnDisk(as: fileSystem.status(path, in: root)) else {
                    intact.withLock { $0 = false }
                    return
                }
            }
        }
        guard intact.withLock({ $0 }) else { return false }
        ledger.keepAll()
        return true
    }

    /// The bytes `file` is to hold, after checking its path stays inside the output; nil for a
    /// file the renderer kept as it is.
    func contents(of file: OutputFile) throws -> Data? {
        if case .kept = file.content { return nil }
        guard !SitePath.isUnsafe(file.path), !file.path.hasPrefix("/"), !file.path.isEmpty else {
            throw OutputError("refusing to write outside the output folder: '\(file.path)'")
        }
        switch file.content {
        case .data(let data): return data
        case .copy(let source):
            guard let data = fileSystem.read(source.path) else {
                throw OutputError("cannot read \(source.path) to copy it to \(file.path)")
            }
            return data
        case .kept:
            return nil
        }
    }
}
