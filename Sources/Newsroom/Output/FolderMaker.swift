import Foundation

/// Makes the output's folders while a build stages files, from several threads at once, and
/// remembers which it made so an aborted build can remove them again.
final class FolderMaker: @unchecked Sendable {
    private let root: OpenFolder
    private let fileSystem: FileSystem
    /// Folders known to exist, by path relative to the root ("" is the root).
    private var known: Set<String> = [""]
    /// The folders this session made: files in them are known not to exist yet, and an aborted
    /// build removes them again.
    private var created: Set<String> = []
    private let mutex = NSLock()

    init(root: OpenFolder, fileSystem: FileSystem) {
        self.root = root
        self.fileSystem = fileSystem
    }

    /// Whether `path` (relative to the root) is a folder this session made, so nothing was in
    /// it before the build.
    func madeThisBuild(_ path: String) -> Bool {
        mutex.withLock { created.contains(path) }
    }

    /// `mkdir -p` for a folder inside the root, given relative to it.
    func make(_ path: String) throws {
        if mutex.withLock({ known.contains(path) }) { return }
        let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        try make(parent)
        do {
            try fileSystem.makeFolder(path, root)
            mutex.withLock {
                created.insert(path)
                known.insert(path)
            }
            return
        } catch let error as SystemError where error.isAlreadyThere {
        } catch {
            throw OutputError("cannot create the folder \(root.path)/\(path): \(error)")
        }
        guard fileSystem.status(path, in: root)?.isDirectory == true else {
            throw OutputError("cannot create the folder \(root.path)/\(path): a file is in the way")
        }
        mutex.withLock { _ = known.insert(path) }
    }

    /// Removes the folders `make` created that are empty again, deepest first.
    func removeCreated() {
        let folders = mutex.withLock { created }
        for path in folders.sorted(by: { $0.count > $1.count }) {
            _ = fileSystem.remove(path, root, true)
        }
    }
}
