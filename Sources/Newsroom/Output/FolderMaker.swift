import CPlatform
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes the output's folders while a build stages files, from several threads at once, and
/// remembers which it made so an aborted build can remove them again.
///
/// Every folder it makes that gets folders inside it is marked as the top of independent
/// subtrees (ext4's `chattr +T`), so ext4 places those folders in block groups of its own
/// choosing rather than next to their parent. (The mark is read only when a folder is made
/// inside the marked one: a page's folder, with only files in it, is left unmarked, which saves
/// four system calls for most folders.)
/// Without the mark, right after `rm -rf output` the new folders (and the files staged in them)
/// land in the block groups just freed, where ext4 without a journal skips the freed inodes one
/// by one on every allocation: with 76,000 files, four builds in a row each wiped first spent
/// 18, 44, 45 and 53 s in the kernel when only the top two levels were marked, and 10–13 s
/// with every folder marked (`fs_floor.py`-style loop). Where the file system has no such flag
/// the mark is silently not made.
final class FolderMaker: @unchecked Sendable {
    private let root: OpenFolder
    /// Folders known to exist, by path relative to the root ("" is the root).
    private var known: Set<String> = [""]
    /// The folders this session made: files in them are known not to exist yet, and an aborted
    /// build removes them again.
    private var created: Set<String> = []
    /// Cleared when the file system turns out not to have the mark (tmpfs, for one).
    private var marks = true
    /// The folders marked so far.
    private var marked: Set<String> = []
    private let mutex = NSLock()

    init(root: OpenFolder) {
        self.root = root
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
        markBeforeItsFirstFolder(parent)
        let (folder, reached) = root.at(path)
        if mkdirat(folder, reached, 0o755) == 0 {
            mutex.withLock {
                created.insert(path)
                known.insert(path)
            }
            return
        }
        guard errno == EEXIST else {
            throw OutputError("cannot create the folder \(root.path)/\(path): \(String(cString: strerror(errno)))")
        }
        guard root.status(path)?.isDirectory == true else {
            throw OutputError("cannot create the folder \(root.path)/\(path): a file is in the way")
        }
        mutex.withLock { _ = known.insert(path) }
    }

    /// Marks `path`, a folder this session made, when a folder is first made inside it: the mark
    /// steers where ext4 puts the folders inside, and nothing else, so the page folders (most
    /// folders, with only files in them) are not marked at all.
    private func markBeforeItsFirstFolder(_ path: String) {
        let needed = mutex.withLock { marks && created.contains(path) && marked.insert(path).inserted }
        guard needed else { return }
        let (folder, reached) = root.at(path)
        let failure = newsroom_mark_top_folder_at(folder, reached)
        if failure == ENOTTY || failure == EOPNOTSUPP || failure == EINVAL {
            mutex.withLock { marks = false }
        }
    }

    /// Sets the mark described above, where the file system has it.
    static func markAsTop(_ path: String) {
        _ = newsroom_mark_top_folder(path)
    }

    /// Removes the folders `make` created that are empty again, deepest first.
    func removeCreated() {
        let folders = mutex.withLock { created }
        for path in folders.sorted(by: { $0.count > $1.count }) {
            let (folder, reached) = root.at(path)
            unlinkat(folder, reached, AT_REMOVEDIR)
        }
    }
}
