import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `stat(2)` without Foundation's extras (its attribute dictionaries look up owner names,
/// which costs more than writing the file).
struct FileStatus: Equatable {
    var size: Int
    /// Modification time, seconds since 1970 with nanoseconds.
    var modified: Double
    var isRegular: Bool
    var isDirectory: Bool
    var inode: UInt64 = 0

    /// The status of `path` itself, or with `following` of what a symbolic link leads to.
    static func of(_ path: String, following: Bool = false) -> FileStatus? {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return FileStatus(info)
    }

    /// The status of `relative` inside the folder open as `directory` (`lstat` without walking
    /// the folder's own path again: with 10,000 files the walk was most of the cost).
    static func of(_ relative: String, in directory: Int32) -> FileStatus? {
        var info = stat()
        guard fstatat(directory, relative, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStatus(info)
    }

    /// Writes all of `bytes` to an open descriptor; false on failure (errno says why).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Writes `data` to a new file at `path` (replacing one there), reporting errno's reason.
    /// Returns the written file's status (its time stays the same when it is renamed).
    @discardableResult
    static func write(_ data: Data, to path: String) throws -> FileStatus {
        try write(data, to: path, in: AT_FDCWD)
    }

    /// `write(_:to:)` for `path` relative to the open folder `directory`.
    @discardableResult
    static func write(_ data: Data, to path: String, in directory: Int32) throws -> FileStatus {
        let descriptor = openat(directory, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard data.withUnsafeBytes({ writeAll($0, to: descriptor) }) else {
            throw OutputError(String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw OutputError(String(cString: strerror(errno))) }
        return FileStatus(info)
    }
}

extension FileStatus {
    fileprivate init(_ info: stat) {
        let mode = info.st_mode & S_IFMT
        self.init(
            size: Int(info.st_size),
            modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000,
            isRegular: mode == S_IFREG,
            isDirectory: mode == S_IFDIR,
            inode: UInt64(info.st_ino)
        )
    }
}

/// A folder held open so files in it are reached by relative path (the `…at` system calls),
/// without the kernel walking the folder's own path again for each; closed when released.
/// Where it cannot be opened, the full path is used instead.
final class OpenFolder: @unchecked Sendable {
    let path: String
    private let descriptor: Int32

    init(_ path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// What an `…at` call takes for `relative`: this folder's descriptor and `relative`, or the
    /// current folder and the full path.
    func at(_ relative: String) -> (folder: Int32, path: String) {
        descriptor >= 0 ? (descriptor, relative) : (AT_FDCWD, path + "/" + relative)
    }

    /// The status of `relative` inside the folder (`lstat`).
    func status(_ relative: String) -> FileStatus? {
        let (folder, path) = at(relative)
        return FileStatus.of(path, in: folder)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
