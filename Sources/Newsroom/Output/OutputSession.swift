import CPlatform
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build's writes: each file is compared with what is on disk and, if it changed, written
/// beside its target under a temporary name; `commit` moves them all into place (never a
/// half-written file; if one cannot be moved, every old file is put back) and removes what the
/// build no longer produces; `abort` leaves the previous output as it was. `stage` may be called
/// from several threads at once.
///
/// A first build (see `OutputWriter.begin`) writes every file under its own name in a folder
/// beside the output, which `publish` renames into place once everything is written.
///
/// Staging each file in its own folder, rather than in one staging folder, lets the file system
/// place it with its folder: see `FolderMaker`.
final class OutputSession: @unchecked Sendable {
    /// The suffix of a file staged beside its target.
    static let stagedSuffix = ".newsroom-tmp"

    /// The output folder.
    let folder: URL
    /// Where this session writes: the output folder, or for a first build the folder beside it.
    let writeFolder: URL
    private let lock: OutputLock
    private let firstBuild: Bool
    /// Present while a session is open: found at the start of a run, it says the last one died.
    private let marker: URL
    /// What the last build left (read again once the folder is locked, if it changed since).
    let previousState: IncrementalState
    private let previous: OutputManifest
    private var next = OutputManifest()
    /// The state `commit` saves with the files; the session fills in its manifest.
    private var saved = IncrementalState()
    /// Each staged file, and what was at its target when it was staged (nil: nothing).
    private var staged: [(path: String, staging: String, old: FileStatus?)] = []
    private var unchanged = 0
    private let folders: FolderMaker
    /// The output folder held open: files in it are looked at by relative path.
    private let root: OpenFolder
    private let mutex = NSLock()

    /// Made by `OutputWriter.begin`, which checks the folder and takes the lock first;
    /// `firstBuildIn` is the new folder a first build is made in.
    init(folder: URL, lock: OutputLock, firstBuildIn work: URL? = nil, previous state: IncrementalState = IncrementalState()) throws {
        self.folder = folder
        self.lock = lock
        self.firstBuild = work != nil
        self.writeFolder = work ?? folder
        self.marker = folder.appendingPathComponent(OutputWriter.temporaryFolder)
        if work == nil {
            if FileStatus.of(marker.path) != nil {
                Self.sweepStagedFiles(in: folder.path)
                try? FileManager.default.removeItem(at: marker)
            }
            try Self.makeFolders(marker.path)
            self.previousState = state.current(in: folder)
        } else {
            self.previousState = IncrementalState()
        }
        self.previous = previousState.manifest
        self.root = OpenFolder(writeFolder.path)
        self.folders = FolderMaker(root: root)
    }

    /// The status of `path` (relative to the output folder).
    private func status(_ path: String) -> FileStatus? {
        root.status(path)
    }

    /// Compares `file` with the previous build and stages it if it changed.
    func stage(_ file: OutputFile) throws {
        if case .kept = file.content { return }
        guard !SitePath.isUnsafe(file.path), !file.path.hasPrefix("/"), !file.path.isEmpty else {
            throw OutputError("refusing to write outside the output folder: '\(file.path)'")
        }
        let data = try contents(of: file)
        let hash = ContentHash.of(data)
        // Paths relative to the output folder, which is held open.
        let slash = file.path.lastIndex(of: "/")
        let parent = slash.map { String(file.path[..<$0]) } ?? ""
        let name = slash.map { file.path[file.path.index(after: $0)...] } ?? file.path[...]
        // A first build's folder is not the output yet: nothing is there to compare with, and
        // each file is written under its own name. In a folder this build made, nothing can be
        // there yet either: no need to look.
        let old = firstBuild || folders.madeThisBuild(parent) ? nil : status(file.path)
        if let old, var entry = unchangedEntry(file.path, old: old, hash: hash, data: data, previous: previous.entries[file.path]) {
            entry.key = file.cacheKey
            mutex.withLock {
                next.entries[file.path] = entry
                unchanged += 1
            }
            return
        }
        let writtenPath = firstBuild ? file.path : (parent.isEmpty ? "." : parent + "/.") + name + Self.stagedSuffix
        let written: FileStatus
        let (at, target) = root.at(writtenPath)
        do {
            try folders.make(parent)
            written = try FileStatus.write(data, to: target, in: at)
        } catch {
            unlinkat(at, target, 0)
            throw OutputError("cannot write \(file.path): \(error)" + (firstBuild ? "" : "; the previous output is kept"))
        }
        mutex.withLock {
            if !firstBuild { staged.append((file.path, writtenPath, old)) }
            next.entries[file.path] = OutputManifest.Entry(hash: hash, size: data.count, modified: written.modified, key: file.cacheKey)
        }
    }

    /// Keeps the previous build's file when it was made from the same inputs (`key`) and is
    /// untouched on disk, so it need not be rendered again; false when it must be.
    func keep(_ path: String, key: UInt64) -> Bool {
        guard key != 0, let entry = previous.entries[path], entry.key == key, entry.isOnDisk(as: status(path)) else { return false }
        mutex.withLock {
            next.entries[path] = entry
            unchanged += 1
        }
        return true
    }

    /// Keeps every file of the previous build when each is still on disk as it was written
    /// (same size and time); false, keeping nothing, when any is not or there was no build.
    func keepAllIfIntact() -> Bool {
        guard !previous.entries.isEmpty else { return false }
        let entries = Array(previous.entries)
        let intact = Flag()
        DispatchQueue.concurrentPerform(iterations: 8) { part in
            for index in stride(from: part, to: entries.count, by: 8) where intact.isSet {
                let (path, entry) = entries[index]
                guard entry.isOnDisk(as: status(path)) else {
                    intact.clear()
                    return
                }
            }
        }
        guard intact.isSet else { return false }
        mutex.withLock {
            next = previous
            unchanged = previous.entries.count
        }
        return true
    }

    /// Records the state `commit` saves beside the files (its manifest is the session's).
    func record(_ state: IncrementalState) {
        mutex.withLock {
            saved = state
            next.digest = state.manifest.digest
        }
    }

    /// Every path the build produces so far (all of the previous build's after `keepAllIfIntact`).
    var paths: [String] { mutex.withLock { Array(next.entries.keys) } }

    /// Moves every staged file into place, removes stale files and saves the state.
    func commit() throws -> OutputWriter.Report {
        var report = OutputWriter.Report(written: 0, unchanged: unchanged, removed: 0)
        var state = saved
        state.manifest = next
        if firstBuild {
            // Nothing to move: the folder becomes the output as a whole (`publish`).
            do {
                try state.write(in: writeFolder, staging: writeFolder.path + "/" + IncrementalState.fileName + ".tmp")
            } catch {
                abort()
                throw OutputError("\(error); nothing was written to \(folder.path)")
            }
            // Every entry is a file this build wrote: a first build keeps nothing.
            report.written = next.entries.count
            return report
        }
        let ordered = staged.sorted(by: { $0.path < $1.path })
        // Put in place on two threads (alone, 15,000 renames were most of the write stage).
        // A file that replaces one is swapped with it, so a failure anywhere can put every
        // old file back: the output is all old or all new.
        let moves = Moves(count: ordered.count)
        let root = self.root
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            for index in stride(from: part, to: ordered.count, by: 2) {
                guard !moves.failed else { return }
                let (path, stagingPath, old) = ordered[index]
                switch Self.move(stagingPath, to: path, in: root, replacing: old) {
                case .success(let move): moves.done(index, move)
                case .failure(let reason): moves.fail(index, "cannot write \(path): \(reason)")
                }
            }
        }
        if var failure = moves.firstFailure {
            // Swapped files are swapped back (the staging name then holds the new version
            // again), new files are taken away; then the staging names are removed, except
            // where swapping back failed: there the staging name holds the old version.
            var oldVersions: Set<Int> = []
            for index in ordered.indices {
                let (path, stagingPath, _) = ordered[index]
                let (at, staging) = root.at(stagingPath)
                let (_, target) = root.at(path)
                switch moves.move(index) {
                case .swapped:
                    if newsroom_exchange_at(at, staging, target) != 0 {
                        oldVersions.insert(index)
                        failure += "; the previous \(path) is kept as \(stagingPath)"
                    }
                case .added: unlinkat(at, target, 0)
                case .replaced, nil: break
                }
            }
            discard(ordered.indices.filter { !oldVersions.contains($0) }.map { ordered[$0].staging })
            folders.removeCreated()
            try? FileManager.default.removeItem(at: marker)
            throw OutputError(failure)
        }
        // The old versions, now under the staging names, are not needed any more.
        discard(ordered.indices.filter { moves.move($0) == .swapped }.map { ordered[$0].staging })
        report.written = ordered.count
        for path in previous.entries.keys.sorted() where next.entries[path] == nil {
            let target = folder.appendingPathComponent(path)
            if (try? FileManager.default.removeItem(at: target)) != nil { report.removed += 1 }
            removeEmptyParents(of: target)
        }
        if state.differs(from: previousState) {
            try state.write(in: folder, staging: marker.path + "/state")
        }
        try? FileManager.default.removeItem(at: marker)
        withExtendedLifetime(lock) {}
        return report
    }

    /// Puts a first build's folder in place as the output, once everything is written into it
    /// (`commit`); nothing to do for other builds.
    func publish() throws {
        guard firstBuild else { return }
        guard rename(writeFolder.path, folder.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: writeFolder)
            throw OutputError("cannot put the new output in place at \(folder.path): \(reason); nothing was written there")
        }
        withExtendedLifetime(lock) {}
    }

    /// Drops everything staged; folders this session created are removed again (a first
    /// build's whole folder).
    func abort() {
        if firstBuild {
            try? FileManager.default.removeItem(at: writeFolder)
            withExtendedLifetime(lock) {}
            return
        }
        discard(staged.map(\.staging))
        folders.removeCreated()
        try? FileManager.default.removeItem(at: marker)
        withExtendedLifetime(lock) {}
    }

    /// Puts the staged file at `stagingPath` in place at `path` (both relative to `root`);
    /// `old` is what was at `path` when the file was staged.
    static func move(_ stagingPath: String, to path: String, in root: OpenFolder, replacing old: FileStatus?) -> Result<Move, MoveFailure> {
        let (at, staging) = root.at(stagingPath)
        let (_, target) = root.at(path)
        // The staged file's time, recorded when it was written, survives the move.
        if let old {
            if old.isDirectory { return .failure(.folderInTheWay) }
            let swap = newsroom_exchange_at(at, staging, target)
            if swap == 0 { return .success(.swapped) }
            if swap == EINVAL || swap == ENOSYS || swap == ENOTSUP {
                return renameat(at, staging, at, target) == 0 ? .success(.replaced) : .failure(MoveFailure(errno: errno))
            }
            // Gone since it was staged: a new file after all.
            guard swap == ENOENT else { return .failure(MoveFailure(errno: swap)) }
        }
        if renameat(at, staging, at, target) == 0 { return .success(.added) }
        return .failure(errno == EISDIR ? .folderInTheWay : MoveFailure(errno: errno))
    }

    struct MoveFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
        init(errno code: Int32) { description = String(cString: strerror(code)) + "; the previous output is kept" }
        static let folderInTheWay = MoveFailure("a folder of that name is in the way")
    }

    /// Removes staged files (paths relative to the output folder).
    private func discard(_ paths: [String]) {
        for path in paths {
            let (folder, staged) = root.at(path)
            unlinkat(folder, staged, 0)
        }
    }

    /// After a killed run: removes the files it staged and the folders it left empty.
    static func sweepStagedFiles(in root: String) {
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
                unlink(path)
            }
        }
        for path in folders.reversed() { rmdir(path) }
    }

    private func unchangedEntry(_ path: String, old status: FileStatus, hash: UInt64, data: Data, previous: OutputManifest.Entry?) -> OutputManifest.Entry? {
        guard status.isRegular, status.size == data.count else { return nil }
        if let previous, previous.hash == hash, previous.isOnDisk(as: status) {
            return previous
        }
        guard FileManager.default.contents(atPath: folder.path + "/" + path) == data else { return nil }
        return OutputManifest.Entry(hash: hash, size: status.size, modified: status.modified)
    }

    private func contents(of file: OutputFile) throws -> Data {
        switch file.content {
        case .data(let data): return data
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw OutputError("cannot read \(source.path) to copy it to \(file.path)")
            }
            return data
        case .kept:
            return Data()
        }
    }

    private func removeEmptyParents(of url: URL) {
        var parent = url.deletingLastPathComponent().standardizedFileURL
        while parent.path.hasPrefix(folder.path + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: parent.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: parent)
            parent = parent.deletingLastPathComponent().standardizedFileURL
        }
    }

    /// `mkdir -p` with mkdir(2): Foundation's version stats every component.
    static func makeFolders(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST {
            if FileStatus.of(path)?.isDirectory == true { return }
            throw OutputError("cannot create the folder \(path): a file is in the way")
        }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw OutputError("cannot create the folder \(path): \(String(cString: strerror(errno)))")
        }
        try makeFolders(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw OutputError("cannot create the folder \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// How a staged file was put in place.
enum Move: Equatable {
    /// Nothing was there: renamed.
    case added
    /// Swapped with the old file, which is now under the staging name.
    case swapped
    /// Renamed over the old file, where the file system cannot swap: not undone on failure.
    case replaced
}

/// Which staged files the commit's threads put in place, how, and the first failure.
private final class Moves: @unchecked Sendable {
    private var moves: [Move?]
    private var failures: [(index: Int, message: String)] = []
    private let lock = NSLock()

    init(count: Int) { moves = Array(repeating: nil, count: count) }

    func done(_ index: Int, _ move: Move) { lock.withLock { moves[index] = move } }
    func fail(_ index: Int, _ message: String) { lock.withLock { failures.append((index, message)) } }
    var failed: Bool { lock.withLock { !failures.isEmpty } }
    func move(_ index: Int) -> Move? { lock.withLock { moves[index] } }
    /// The failure of the file first in path order.
    var firstFailure: String? { lock.withLock { failures.min { $0.index < $1.index }?.message } }
}

/// A flag several threads may clear.
private final class Flag: @unchecked Sendable {
    private var value = true
    private let lock = NSLock()
    var isSet: Bool { lock.withLock { value } }
    func clear() { lock.withLock { value = false } }
}
