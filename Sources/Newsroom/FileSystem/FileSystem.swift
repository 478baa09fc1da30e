import Foundation

/// Every call the generator makes to the operating system's file system, as a value: a build
/// uses `.local`, and a test replaces one operation (to make a write fail with a full disk, a
/// rename fail half-way through a commit) in the options of its own build, so no other build
/// running at the same time sees the fault.
///
/// Paths are relative to an `OpenFolder` (`OpenFolder.working` takes absolute paths), so a
/// build reaches thousands of files in one folder without the kernel walking the folder's own
/// path again for each.
struct FileSystem: Sendable {
    /// Appends bytes to the file being written (see `write`).
    typealias Append = (UnsafeRawBufferPointer) throws -> Void

    /// Opens a folder to reach the files in it; one that cannot be opened is reached by path.
    var openFolder: @Sendable (_ path: String) -> OpenFolder
    /// The bytes of a regular file with its status, taken from the open file before it is
    /// read; nil when it cannot be opened or read.
    var read: @Sendable (_ path: String, _ folder: OpenFolder) -> (data: Data, status: FileStatus)?
    /// The status of the file, or with `following` of what a symbolic link leads to; nil when
    /// there is nothing there.
    var status: @Sendable (_ path: String, _ folder: OpenFolder, _ following: Bool) -> FileStatus?
    /// The names in a folder (`.` and `..` left out) with the kind its listing gives; nil when
    /// it cannot be listed.
    var list: @Sendable (_ path: String) -> [(name: String, kind: ListedKind)]?
    /// Writes a new file at `path` (replacing one there) with what `fill` appends, and returns
    /// the written file's status (its time stays the same when it is renamed).
    var write: @Sendable (_ path: String, _ folder: OpenFolder, _ fill: (Append) throws -> Void) throws -> FileStatus
    /// Makes one folder (not its parents).
    var makeFolder: @Sendable (_ path: String, _ folder: OpenFolder) throws -> Void
    /// Makes one folder (not its parents) as `makeFolder` does, with the folder holding it
    /// marked as the top of independent subtrees (ext4's `chattr +T`) for that one folder only,
    /// so the file system places it in the block group with the fewest folders instead of next
    /// to its siblings. Why: right after `rm -rf output`, ext4 without a journal puts each new
    /// folder (and the files in it) near its parent, in the block groups just freed, and there
    /// skips the freed inodes one by one on every allocation, so each clean build after a wipe
    /// spends more time in the kernel than the last; spread over block groups, new folders land
    /// clear of them. `FolderMaker` says how often.
    /// Throws what making the folder met; returns what marking met, if anything, the folder
    /// being made all the same: `SystemError.isUnsupported` where the file system has no such
    /// flag (tmpfs, and file systems other than ext2/3/4), where spreading is harmless to leave
    /// out; on a journaled ext4 it measured neither faster nor slower.
    var makeSpreadFolder: @Sendable (_ path: String, _ folder: OpenFolder) throws -> SystemError?
    /// Renames `from` to `to`, both in `folder`, replacing a file at `to`.
    var rename: @Sendable (_ from: String, _ to: String, _ folder: OpenFolder) throws -> Void
    /// Swaps the files at `from` and `to` (both in `folder`) in one step, so either can be put
    /// back; fails with `SystemError.isMissing` when `to` is not there and
    /// `SystemError.cannotExchange` where the file system or the system cannot swap.
    var exchange: @Sendable (_ from: String, _ to: String, _ folder: OpenFolder) throws -> Void
    /// Removes a file, or with `folder` set an empty folder; false when it could not.
    var remove: @Sendable (_ path: String, _ folder: OpenFolder, _ isFolder: Bool) -> Bool
    /// Takes an exclusive advisory lock on the file (made if missing) or the folder at `path`,
    /// waiting up to `timeout` seconds; nil when another holder kept it that long. The kernel
    /// lets go of it when the process dies, so a killed run never leaves a lock behind.
    var lock: @Sendable (_ path: String, _ kind: LockKind, _ timeout: TimeInterval) throws -> FileLock?
    /// This process's id, for names that must differ between runs.
    var processID: @Sendable () -> Int32

    enum ListedKind: Equatable, Sendable {
        case file, folder
        /// Anything else, or a listing that does not say (a link, for one): ask `status`.
        case other
    }

    enum LockKind: Sendable {
        case file, folder
    }
}

extension FileSystem {
    func read(_ path: String) -> Data? {
        read(path, .working)?.data
    }

    func status(_ path: String, in folder: OpenFolder = .working, following: Bool = false) -> FileStatus? {
        status(path, folder, following)
    }

    @discardableResult
    func write(_ data: Data, to path: String, in folder: OpenFolder = .working) throws -> FileStatus {
        try write(path, folder) { append in try data.withUnsafeBytes { try append($0) } }
    }

    /// `mkdir -p`.
    func makeFolders(_ path: String) throws {
        do {
            try makeFolder(path, .working)
        } catch let error as SystemError where error.isMissing {
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { throw error }
            try makeFolders(String(path[..<slash]))
            try makeFolders(path)
            return
        } catch let error as SystemError where error.isAlreadyThere {
        }
        guard status(path)?.isDirectory == true else { throw SystemError.fileInTheWay }
    }
}

extension FileSystem {
    /// The folder holding `path` ("" when it has no `/`), cut at its last `/` byte: the
    /// separator the file system reads, found without walking characters. For output and
    /// source paths alike, and for the site paths links are resolved against.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}
