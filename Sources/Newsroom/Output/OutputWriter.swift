import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output folder: checked before a build, then written through an `OutputSession`.
public struct OutputWriter: Sendable {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    static let temporaryFolder = ".newsroom-tmp"
    /// Files that may sit in an output folder `generate` has not used yet.
    static let ignorableInNewFolder: Set<String> = [".gitkeep", ".DS_Store", OutputLock.fileName]

    var folder: URL
    /// Folders the output must never be, nor contain (the site and themes).
    var protectedFolders: [URL]
    var lockTimeout: TimeInterval = 120

    init(folder: URL, protectedFolders: [URL]) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.protectedFolders = protectedFolders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
    }

    /// Refuses output folders that would destroy the author's work; call before building.
    func checkFolder() throws {
        let path = folder.path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if path == "/" || path == home {
            throw OutputError("refusing to use \(path) as the output folder")
        }
        for protected in protectedFolders {
            if protected.path == path || protected.path.hasPrefix(path + "/") || path.hasPrefix(protected.path + "/") {
                throw OutputError("refusing to use \(path) as the output folder: it overlaps \(protected.path)")
            }
        }
        guard let status = FileStatus.of(path) else { return }
        guard status.isDirectory else { throw OutputError("the output path \(path) is not a folder") }
        let contents = try FileManager.default.contentsOfDirectory(atPath: path)
        let foreign = contents.filter { !Self.ignorableInNewFolder.contains($0) && $0 != Self.temporaryFolder }
        let ours = ([IncrementalState.fileName] + IncrementalState.formerFileNames).contains(where: contents.contains)
        if !foreign.isEmpty && !ours {
            throw OutputError("refusing to write into \(path): it holds files that generate did not make (\(foreign.sorted().prefix(3).joined(separator: ", ")))")
        }
    }

    /// Locks the folder and opens a session that stages files until `commit` or `abort`.
    ///
    /// A first build (no output folder yet) is made whole in a folder beside it and renamed into
    /// place by `OutputSession.publish`: the output appears complete or not at all, and no file
    /// needs a temporary name of its own and a rename (15,000 renames after a wipe, a sixth of
    /// the kernel's share of a clean build).
    /// `previous` is the state read from the folder before it was locked.
    func begin(previous: IncrementalState = IncrementalState()) throws -> OutputSession {
        try checkFolder()
        if FileStatus.of(folder.path) == nil, let session = try beginFirstBuild() { return session }
        try OutputSession.makeFolders(folder.path)
        let lock = try OutputLock(folder: folder, timeout: lockTimeout)
        try checkFolder()
        return try OutputSession(folder: folder, lock: lock, previous: previous)
    }

    /// The folder a first build of `folder` is made in: hidden, beside it, named for the process.
    static func firstBuildFolder(for folder: URL, process: Int32 = getpid()) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(firstBuildPrefix(for: folder) + String(process))
    }

    /// The start of the name of every first build's folder for `folder`, whichever the process.
    private static func firstBuildPrefix(for folder: URL) -> String {
        "." + folder.lastPathComponent + firstBuildSuffix
    }

    static let firstBuildSuffix = ".newsroom-new-"

    /// Holding a lock on the parent folder (so a second first build waits, then finds the output
    /// made), clears what killed first builds left beside it and opens a session in a new folder
    /// there; nil when the output folder exists after all once the lock is held.
    private func beginFirstBuild() throws -> OutputSession? {
        let parent = folder.deletingLastPathComponent()
        try OutputSession.makeFolders(parent.path)
        let lock = try OutputLock(lockingFolder: parent, timeout: lockTimeout)
        guard FileStatus.of(folder.path) == nil else { return nil }
        let prefix = Self.firstBuildPrefix(for: folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        let work = Self.firstBuildFolder(for: folder)
        guard mkdir(work.path, 0o755) == 0 else {
            throw OutputError("cannot create the folder \(work.path): \(String(cString: strerror(errno)))")
        }
        FolderMaker.markAsTop(work.path)
        // The lock file later runs take, there from the start as in any output folder.
        close(open(work.appendingPathComponent(OutputLock.fileName).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644))
        do {
            return try OutputSession(folder: folder, lock: lock, firstBuildIn: work)
        } catch {
            try? FileManager.default.removeItem(at: work)
            throw error
        }
    }
}
