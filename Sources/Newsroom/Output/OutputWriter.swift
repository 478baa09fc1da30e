import Foundation

/// The output folder: checked before a build, then written through an `OutputSession`.
public struct OutputWriter: Sendable {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Files that may sit in an output folder `generate` has not used yet.
    static let ignorableInNewFolder: Set<String> = [".gitkeep", ".DS_Store", OutputLock.fileName]

    var folder: URL
    /// Folders the output must never be, nor contain (the site and themes).
    var protectedFolders: [URL]
    var lockTimeout: TimeInterval = 120
    /// An existing output's session leaves the state to `OutputSession.saveState`, so `serve`
    /// can tell the pages to reload first.
    var defersState = false
    /// The paths (relative) reported changed in an existing output folder since the build that
    /// left the state given to `begin` began checking its files, when known (see `OutputWatch`),
    /// or those found changed by an `OutputCheck` of that state.
    var reportedChanges: Set<String>?
    var fileSystem: FileSystem

    init(folder: URL, protectedFolders: [URL], fileSystem: FileSystem = .local) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.protectedFolders = protectedFolders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        self.fileSystem = fileSystem
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
        guard let status = fileSystem.status(path) else { return }
        guard status.isDirectory else { throw OutputError("the output path \(path) is not a folder") }
        let contents = try FileManager.default.contentsOfDirectory(atPath: path)
        let foreign = contents.filter { !Self.ignorableInNewFolder.contains($0) && $0 != StagedSession.markerName }
        let ours = ([IncrementalState.fileName] + IncrementalState.formerFileNames).contains(where: contents.contains)
        if !foreign.isEmpty && !ours {
            throw OutputError("refusing to write into \(path): it holds files that generate did not make (\(foreign.sorted().prefix(3).joined(separator: ", ")))")
        }
    }

    /// Locks the folder and opens a session that writes files until `commit` or `abort`: a
    /// `FirstBuildSession` when there is no output folder yet, a `StagedSession` otherwise.
    /// `previous` is the state read from the folder before it was locked.
    func begin(previous: IncrementalState = IncrementalState()) throws -> OutputSession {
        try checkFolder()
        if fileSystem.status(folder.path) == nil,
           let session = try FirstBuildSession.begin(folder: folder, fileSystem: fileSystem, lockTimeout: lockTimeout) {
            return session
        }
        try Self.makeFolders(folder.path, fileSystem: fileSystem)
        let lock = try OutputLock.take(in: folder, fileSystem: fileSystem, timeout: lockTimeout)
        try checkFolder()
        return try StagedSession(folder: folder, lock: lock, fileSystem: fileSystem, previous: previous, defersState: defersState, reported: reportedChanges)
    }

    /// `mkdir -p`, with the output's wording when it fails.
    static func makeFolders(_ path: String, fileSystem: FileSystem) throws {
        do {
            try fileSystem.makeFolders(path)
        } catch {
            throw OutputError("cannot create the folder \(path): \(error)")
        }
    }
}
