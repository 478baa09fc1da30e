import CFolderFlags
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes the output's folders while a build stages files, from several threads at once, and
/// remembers which it made so an aborted build can remove them again.
///
/// Folders it makes near the top of the output (the output itself, `news/`, `news/2026/`) are
/// marked as tops of independent subtrees (ext4's `chattr +T`). Without the mark, ext4 packs a
/// folder's subfolders, and the files staged in them, into the parent's block group; right after
/// `rm -rf output` that group is full of just-freed inodes, which ext4 without a journal skips
/// one by one on every allocation, and a clean build then spends seconds in the kernel. Where the
/// file system has no such flag the mark is silently not made.
final class FolderMaker: @unchecked Sendable {
    /// Folders at most this many levels below the root get the mark.
    static let markedDepth = 2

    private let root: String
    private var known: Set<String> = []
    private var created: [String] = []
    private let mutex = NSLock()

    init(root: String) {
        self.root = root
        known.insert(root)
    }

    /// `mkdir -p` for a folder inside the root.
    func make(_ path: String) throws {
        if mutex.withLock({ known.contains(path) }) { return }
        if let slash = path.lastIndex(of: "/"), path.count > root.count {
            try make(String(path[..<slash]))
        }
        if mkdir(path, 0o755) == 0 {
            let depth = path.utf8.dropFirst(root.utf8.count).reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            if depth <= Self.markedDepth { Self.markAsTop(path) }
            mutex.withLock {
                created.append(path)
                known.insert(path)
            }
            return
        }
        guard errno == EEXIST else {
            throw OutputError("cannot create the folder \(path): \(String(cString: strerror(errno)))")
        }
        guard FileStatus.of(path)?.isDirectory == true else {
            throw OutputError("cannot create the folder \(path): a file is in the way")
        }
        mutex.withLock { _ = known.insert(path) }
    }

    /// Sets the mark described above, where the file system has it.
    static func markAsTop(_ path: String) {
        _ = newsroom_mark_top_folder(path)
    }

    /// Removes the folders `make` created that are empty again, deepest first.
    func removeCreated() {
        let folders = mutex.withLock { created }
        for path in folders.sorted(by: { $0.count > $1.count }) { rmdir(path) }
    }
}
