import Foundation
import Synchronization

/// A build of an output folder that exists: each changed file is written beside its target as
/// `.<name>.newsroom-tmp`, and `commit` renames them all into place once every page has
/// rendered, so a failed build changes nothing and a killed one leaves each file old or new.
/// A file that replaces one is swapped with it (`renameat2`'s exchange), so a failure half-way
/// through can put every old file back. Unchanged files are not rewritten, and files the build
/// no longer produces are removed.
///
/// A session opened with `defersState` leaves the state to `saveState`: until then it holds the
/// lock and the marker, the old versions of the files it replaced stay under their staging
/// names (the marker has the next run sweep them should this one die), and the state in the
/// folder is the previous build's. Should the run die in between, that state is still safe to
/// start from: a file is kept only while it has the size and time the state recorded, which a
/// file this commit replaced does not; a file it added is not listed, and is compared on disk
/// before it is written again.
///
/// Staging each file in its own folder, rather than in one staging folder, lets the file system
/// place it with its folder: right after `rm -rf`, ext4 without a journal skipped the inodes it
/// had just freed one by one when all new files went into one folder's block group.
final class StagedSession: OutputSession {
    /// The suffix of a file staged beside its target.
    static let stagedSuffix = ".newsroom-tmp"
    /// A folder present while a session is open: found at the start of a run, it says the last
    /// one died, and its staged files are swept.
    static let markerName = ".newsroom-tmp"

    let folder: URL
    var writeFolder: URL { folder }
    let ledger: ManifestLedger
    let fileSystem: FileSystem
    let root: OpenFolder
    /// Held from `begin` until the state is saved or the session aborted.
    private let lock: Mutex<FileLock?>
    private let marker: URL
    private let defersState: Bool
    private let folders: FolderMaker
    /// Each staged file, and what was at its target when it was staged (nil: nothing).
    private let staged = Mutex<[(path: String, staging: String, old: FileStatus?)]>([])
    /// The old versions the commit swapped out, under their staging names, while the state is
    /// still to be saved (`defersState`): removed with it, once the pages were told to reload.
    private let swappedOut = Mutex<[String]>([])

    /// Made by `OutputWriter.begin`, which checks the folder and takes the lock first.
    /// - Parameter reported: what `OutputWriter.reportedChanges` says, about `state`; not used
    ///   when another run replaced that state since.
    init(folder: URL, lock: FileLock, fileSystem: FileSystem, previous state: IncrementalState, defersState: Bool = false, reported: Set<String>? = nil) throws {
        self.folder = folder
        self.defersState = defersState
        self.lock = Mutex(lock)
        self.fileSystem = fileSystem
        self.marker = folder.appendingPathComponent(Self.markerName)
        if fileSystem.status(marker.path) != nil {
            Self.sweepStagedFiles(in: folder.path, fileSystem: fileSystem)
            try? FileManager.default.removeItem(at: marker)
        }
        try OutputWriter.makeFolders(marker.path, fileSystem: fileSystem)
        let current = state.current(in: folder)
        self.ledger = ManifestLedger(previous: current, reported: current.isSameFile(as: state) ? reported : nil)
        self.root = fileSystem.openFolder(folder.path)
        self.folders = FolderMaker(root: root, fileSystem: fileSystem)
    }

    /// Compares `file` with what is on disk and stages it if it changed.
    func stage(_ file: OutputFile) throws {
        guard let data = try contents(of: file) else { return }
        let hash = ContentHash.of(data)
        let slash = file.path.lastIndex(of: "/")
        let parent = slash.map { String(file.path[..<$0]) } ?? ""
        let name = slash.map { file.path[file.path.index(after: $0)...] } ?? file.path[...]
        // In a folder this build made, nothing can be there yet: no need to look.
        let old = folders.madeThisBuild(parent) ? nil : fileSystem.status(file.path, in: root)
        if let old, var entry = unchangedEntry(file.path, old: old, hash: hash, data: data) {
            entry.key = file.cacheKey
            ledger.keep(file.path, entry)
            return
        }
        let stagingPath = (parent.isEmpty ? "." : parent + "/.") + name + Self.stagedSuffix
        let written: FileStatus
        do {
            try folders.make(parent)
            written = try fileSystem.write(data, to: stagingPath, in: root)
        } catch {
            _ = fileSystem.remove(stagingPath, root, false)
            throw OutputError("cannot write \(file.path): \(error); the previous output is kept")
        }
        staged.withLock { $0.append((file.path, stagingPath, old)) }
        ledger.wrote(file.path, OutputManifest.Entry(hash: hash, size: data.count, modified: written.modified, key: file.cacheKey))
    }

    /// The manifest entry of a file already on disk with `data`'s bytes; nil when it differs.
    private func unchangedEntry(_ path: String, old status: FileStatus, hash: UInt64, data: Data) -> OutputManifest.Entry? {
        guard status.isRegular, status.size == data.count else { return nil }
        if let previous = ledger.previous.entries[path], previous.hash == hash, previous.isOnDisk(as: status) {
            return previous
        }
        guard fileSystem.read(path, root)?.data == data else { return nil }
        return OutputManifest.Entry(hash: hash, size: status.size, modified: status.modified)
    }

    /// Moves every staged file into place, removes stale files and saves the state (unless it
    /// is deferred).
    func commit() throws -> OutputWriter.Report {
        var report = OutputWriter.Report(written: 0, unchanged: ledger.unchanged, removed: 0)
        let ordered = staged.withLock { $0 }.sorted(by: { $0.path < $1.path })
        try moveIntoPlace(ordered)
        report.written = ordered.count
        for path in ledger.dropped {
            let target = folder.appendingPathComponent(path)
            if (try? FileManager.default.removeItem(at: target)) != nil { report.removed += 1 }
            removeEmptyParents(of: target)
        }
        if !defersState { try saveState() }
        return report
    }

    /// Writes the state when it differs from the previous build's, then removes the marker;
    /// the lock goes with the session.
    func saveState() throws {
        discard(swappedOut.withLock { swapped in
            defer { swapped = [] }
            return swapped
        })
        let state = ledger.state
        if state.differs(from: ledger.previousState) {
            try state.write(in: folder, staging: marker.path + "/state", fileSystem: fileSystem)
        }
        try? FileManager.default.removeItem(at: marker)
        lock.withLock { $0 = nil }
    }

    /// Nothing to do: `commit` put the files in place.
    func publish() throws {}

    /// Removes the staged files and the folders this session made.
    func abort() {
        discard(staged.withLock { $0 }.map(\.staging))
        folders.removeCreated()
        try? FileManager.default.removeItem(at: marker)
        lock.withLock { $0 = nil }
    }

    /// Removes the old versions of the files the commit swapped into place (paths relative to
    /// the output folder), now or, when the state is deferred, with it.
    func discardSwappedOut(_ paths: [String]) {
        if defersState {
            swappedOut.withLock { $0 += paths }
        } else {
            discard(paths)
        }
    }

    /// Removes staged files (paths relative to the output folder).
    func discard(_ paths: [String]) {
        for path in paths {
            _ = fileSystem.remove(path, root, false)
        }
    }

    /// Removes the folders this session made that are empty again.
    func removeCreatedFolders() {
        folders.removeCreated()
    }

    /// After a killed run: removes the files it staged and the folders it left empty.
    static func sweepStagedFiles(in root: String, fileSystem: FileSystem) {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        var folders: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix(".newsroom") && !relative.contains("/") {
                walker.skipDescendants()
                continue
            }
            let path = root + "/" + relative
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                folders.append(path)
            } else if relative.hasSuffix(stagedSuffix) {
                _ = fileSystem.remove(path, .working, false)
            }
        }
        for path in folders.reversed() { _ = fileSystem.remove(path, .working, true) }
    }

    private func removeEmptyParents(of url: URL) {
        var parent = url.deletingLastPathComponent().standardizedFileURL
        while parent.path.hasPrefix(folder.path + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: parent.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: parent)
            parent = parent.deletingLastPathComponent().standardizedFileURL
        }
    }
}
