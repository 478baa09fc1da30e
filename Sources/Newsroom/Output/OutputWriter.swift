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
        if !foreign.isEmpty && !contents.contains(OutputManifest.fileName) {
            throw OutputError("refusing to write into \(path): it holds files that generate did not make (\(foreign.sorted().prefix(3).joined(separator: ", ")))")
        }
    }

    /// Locks the folder and opens a session that stages files until `commit` or `abort`.
    func begin() throws -> OutputSession {
        try checkFolder()
        let created = FileStatus.of(folder.path) == nil
        try OutputSession.makeFolders(folder.path)
        if created { FolderMaker.markAsTop(folder.path) }
        do {
            let lock = try OutputLock(folder: folder, timeout: lockTimeout)
            try checkFolder()
            return try OutputSession(folder: folder, lock: lock, createdFolder: created)
        } catch {
            if created { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
    }
}
