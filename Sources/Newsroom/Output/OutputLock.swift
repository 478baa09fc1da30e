import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on the output folder: a second `generate` waits, then fails cleanly.
///
/// `flock` is released by the kernel when a process dies, so a killed run never leaves a lock behind.
final class OutputLock {
    static let fileName = ".newsroom-lock"
    private let descriptor: Int32

    /// Takes the lock, waiting up to `timeout` seconds for another run to finish.
    convenience init(folder: URL, timeout: TimeInterval) throws {
        let path = folder.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        try self.init(descriptor: descriptor, timeout: timeout)
    }

    /// Locks the folder itself (its own descriptor), leaving no file behind: what a first build
    /// holds on the output's parent while it makes the output beside it (see `OutputWriter`).
    convenience init(lockingFolder folder: URL, timeout: TimeInterval) throws {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError("cannot open the folder \(folder.path) to lock it: \(String(cString: strerror(errno)))")
        }
        try self.init(descriptor: descriptor, timeout: timeout)
    }

    /// Takes the lock on `descriptor` (closing it if that fails), then holds it.
    private init(descriptor: Int32, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw OutputError("another generate is writing to this output folder; gave up waiting after \(Int(timeout)) s")
            }
            usleep(50_000)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// A problem writing the output folder (permissions, full disk, a folder that is not ours).
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
