import Foundation

/// The first build of an output folder that does not exist yet: made whole in a hidden folder
/// beside it, `.<output>.newsroom-new-<pid>`, with every file under its own name, and renamed
/// to the output at the end. The output appears complete or not at all, without a staging
/// name and a rename for each of 15,000 files, and a killed first build leaves only that
/// folder, which the next first build removes.
final class FirstBuildSession: OutputSession {
    static let folderSuffix = ".newsroom-new-"

    let folder: URL
    let writeFolder: URL
    let ledger = ManifestLedger(previous: IncrementalState())
    let fileSystem: FileSystem
    let root: OpenFolder
    /// The lock on the output's parent, held until the folder is renamed into place.
    private let lock: FileLock
    private let folders: FolderMaker
    /// Files waiting for their folder, written by the thread making folders (see `FolderQueue`).
    private let waiting = FolderQueue<Waiting>()

    private struct Waiting: Sendable {
        var path: String
        var parent: String
        var data: Data
        var hash: UInt64
        var key: UInt64
    }

    /// The folder a first build of `folder` is made in: hidden, beside it, named for the process.
    static func workFolder(for folder: URL, process: Int32) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(workPrefix(for: folder) + String(process))
    }

    /// The start of the name of every first build's folder for `folder`, whichever the process.
    private static func workPrefix(for folder: URL) -> String {
        "." + folder.lastPathComponent + folderSuffix
    }

    /// Holding a lock on the parent folder (so a second first build waits, then finds the output
    /// made), clears what killed first builds left beside it and opens a session in a new folder
    /// there; nil when the output folder exists after all once the lock is held.
    static func begin(folder: URL, fileSystem: FileSystem, lockTimeout: TimeInterval) throws -> FirstBuildSession? {
        let parent = folder.deletingLastPathComponent()
        try OutputWriter.makeFolders(parent.path, fileSystem: fileSystem)
        let lock = try OutputLock.take(onFolder: parent, fileSystem: fileSystem, timeout: lockTimeout)
        guard fileSystem.status(folder.path) == nil else { return nil }
        let prefix = workPrefix(for: folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        let work = workFolder(for: folder, process: fileSystem.processID())
        do {
            try fileSystem.makeFolder(work.path, .working)
        } catch {
            throw OutputError("cannot create the folder \(work.path): \(error)")
        }
        // The lock file later runs take, there from the start as in any output folder.
        _ = try? fileSystem.write(Data(), to: work.appendingPathComponent(OutputLock.fileName).path)
        return FirstBuildSession(folder: folder, work: work, lock: lock, fileSystem: fileSystem)
    }

    private init(folder: URL, work: URL, lock: FileLock, fileSystem: FileSystem) {
        self.folder = folder
        self.writeFolder = work
        self.lock = lock
        self.fileSystem = fileSystem
        self.root = fileSystem.openFolder(work.path)
        self.folders = FolderMaker(root: root, fileSystem: fileSystem, rootIsNew: true)
    }

    /// Writes `file` under its own name: the folder is new, so nothing is there to compare with.
    /// A file whose folder is still to be made waits for the thread making folders.
    func stage(_ file: OutputFile) throws {
        guard let data = try contents(of: file) else { return }
        let waiting = Waiting(path: file.path, parent: FileSystem.parent(of: file.path), data: data, hash: ContentHash.of(data), key: file.cacheKey)
        if folders.isKnown(waiting.parent) {
            try write(waiting)
        } else {
            try self.waiting.add(waiting, makingFolder: makeFolder, writing: write)
        }
    }

    private func makeFolder(of file: Waiting) throws {
        do {
            try folders.make(file.parent)
        } catch {
            throw OutputError("cannot write \(file.path): \(error)")
        }
    }

    /// Writes `file`, whose folder is there: known when it was staged, or made by `makeFolder`.
    private func write(_ file: Waiting) throws {
        let written: FileStatus
        do {
            written = try fileSystem.write(file.data, to: file.path, in: root)
        } catch {
            _ = fileSystem.remove(file.path, root, false)
            throw OutputError("cannot write \(file.path): \(error)")
        }
        ledger.wrote(file.path, OutputManifest.Entry(hash: file.hash, size: file.data.count, modified: written.modified, key: file.key))
    }

    /// Writes the state into the new folder; the files are in place already.
    func commit() throws -> OutputWriter.Report {
        // Every `stage` has returned, so none is writing the waiting files: any left go now.
        try waiting.writeAll(makingFolder: makeFolder, writing: write)
        let state = ledger.state, manifest = state.manifest
        do {
            try state.write(in: writeFolder, staging: writeFolder.path + "/" + IncrementalState.fileName + ".tmp", fileSystem: fileSystem)
        } catch {
            abort()
            throw OutputError("\(error); nothing was written to \(folder.path)")
        }
        // Every entry is a file this build wrote: a first build keeps nothing.
        return OutputWriter.Report(written: manifest.entries.count, unchanged: ledger.unchanged, removed: 0)
    }

    /// Renames the new folder to the output.
    /// Nothing to do: `commit` wrote the state into the new folder.
    func saveState() throws {}

    func publish() throws {
        do {
            try fileSystem.rename(writeFolder.path, folder.path, .working)
        } catch {
            try? FileManager.default.removeItem(at: writeFolder)
            throw OutputError("cannot put the new output in place at \(folder.path): \(error); nothing was written there")
        }
        withExtendedLifetime(lock) {}
    }

    /// Removes the new folder and everything in it.
    func abort() {
        try? FileManager.default.removeItem(at: writeFolder)
        withExtendedLifetime(lock) {}
    }
}
