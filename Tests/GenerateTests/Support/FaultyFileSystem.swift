import Foundation
import Synchronization
@testable import Newsroom
#if canImport(Glibc)
import Glibc
#endif

/// File systems that fail the way real ones do, for one build's options: nothing outside that
/// build sees the fault, so suites running in parallel are not affected.
extension FileSystem {
    /// The local file system with room for `bytes` more bytes of file contents: past that,
    /// writes fail with "No space left on device", part-way through a file as on a full disk.
    static func full(after bytes: Int) -> FileSystem {
        let room = Room(bytes)
        var fileSystem = FileSystem.local
        fileSystem.write = { path, folder, fill in
            try FileSystem.local.write(path, folder) { append in
                try withoutActuallyEscaping(append) { append in
                    try fill { chunk in
                        let fitting = room.take(chunk.count)
                        if fitting > 0 { try append(UnsafeRawBufferPointer(rebasing: chunk[..<fitting])) }
                        guard fitting == chunk.count else { throw SystemError(code: ENOSPC) }
                    }
                }
            }
        }
        return fileSystem
    }

    /// The local file system mounted read-only: everything that would change it fails with
    /// "Read-only file system".
    static var readOnly: FileSystem {
        let refused = SystemError(code: EROFS)
        var fileSystem = FileSystem.local
        fileSystem.write = { _, _, _ in throw refused }
        fileSystem.makeFolder = { path, folder in
            // mkdir on a read-only file system says EEXIST for a folder that is there.
            if FileSystem.local.status(path, folder, false) != nil { throw SystemError(code: EEXIST) }
            throw refused
        }
        fileSystem.rename = { _, _, _ in throw refused }
        fileSystem.exchange = { _, _, _ in throw refused }
        fileSystem.remove = { _, _, _ in false }
        fileSystem.lock = { path, kind, timeout in
            guard kind == .folder || FileSystem.local.status(path) != nil else { throw refused }
            return try FileSystem.local.lock(path, kind, timeout)
        }
        return fileSystem
    }

    /// This file system, with reads of files whose path ends in `suffix` failing (as for a file
    /// the build may not read, or a disk error).
    func failingReads(of suffix: String) -> FileSystem {
        var fileSystem = self
        let read = self.read
        fileSystem.read = { path, folder in
            path.hasSuffix(suffix) ? nil : read(path, folder)
        }
        return fileSystem
    }

    /// This file system, with renames and swaps onto a path ending in `suffix` failing with
    /// `code` (EIO: an input/output error).
    func failingMoves(onto suffix: String, code: Int32 = EIO) -> FileSystem {
        var fileSystem = self
        let rename = self.rename, exchange = self.exchange
        fileSystem.rename = { from, to, folder in
            if to.hasSuffix(suffix) { throw SystemError(code: code) }
            try rename(from, to, folder)
        }
        fileSystem.exchange = { from, to, folder in
            if to.hasSuffix(suffix) { throw SystemError(code: code) }
            try exchange(from, to, folder)
        }
        return fileSystem
    }

    /// This file system, noting the path of every file read into `paths`.
    func recordingReads(into paths: ReadPaths) -> FileSystem {
        var fileSystem = self
        let read = self.read
        fileSystem.read = { path, folder in
            paths.note(path)
            return read(path, folder)
        }
        return fileSystem
    }

    /// This file system, unable to swap two files in one step (as where `renameat2` is missing).
    var withoutExchange: FileSystem {
        var fileSystem = self
        fileSystem.exchange = { _, _, _ in throw SystemError(code: EINVAL) }
        return fileSystem
    }
}

/// The paths a build read, from several threads.
final class ReadPaths: Sendable {
    private let paths = Mutex<[String]>([])

    func note(_ path: String) { paths.withLock { $0.append(path) } }

    var all: [String] { paths.withLock { $0 } }
}

/// Bytes left on a simulated disk, taken from several threads.
private final class Room: Sendable {
    private let left: Mutex<Int>

    init(_ bytes: Int) { left = Mutex(bytes) }

    /// Takes up to `count` bytes; how many there were.
    func take(_ count: Int) -> Int {
        left.withLock { left in
            let taken = min(count, left)
            left -= taken
            return taken
        }
    }
}
