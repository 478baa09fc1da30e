import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder held open so files in it are reached by relative path (the `…at` system calls),
/// without the kernel walking the folder's own path again for each; closed when released.
/// Where it cannot be opened, the full path is used instead.
final class OpenFolder: Sendable {
    let path: String
    private let descriptor: Int32

    /// Paths relative to the process's working folder, or absolute ones.
    static let working = OpenFolder(path: "", descriptor: AT_FDCWD)

    /// Opens `path` on the local file system.
    convenience init(_ path: String) {
        self.init(path: path, descriptor: open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// What an `…at` call takes for `relative`: this folder's descriptor and `relative`, or the
    /// working folder and the full path.
    func at(_ relative: String) -> (folder: Int32, path: String) {
        descriptor >= 0 || descriptor == AT_FDCWD ? (descriptor, relative) : (AT_FDCWD, path + "/" + relative)
    }

    /// The status of `relative` inside the folder (`lstat`), on the local file system.
    func status(_ relative: String) -> FileStatus? {
        FileSystem.local.status(relative, self, false)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// An exclusive advisory lock (`flock`), held until released.
final class FileLock: Sendable {
    private let descriptor: Int32

    init(holding descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
