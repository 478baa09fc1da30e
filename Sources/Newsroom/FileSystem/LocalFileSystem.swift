import CPlatform
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// The machine's own file system, through the system calls themselves: Foundation's
    /// equivalents stat every path component or build attribute dictionaries, which cost more
    /// than the writes in a build of thousands of small files.
    static let local = FileSystem(
        openFolder: { OpenFolder($0) },
        read: { path, folder in LocalCalls.read(path, in: folder) },
        status: { path, folder, following in
            let (at, reached) = folder.at(path)
            var info = stat()
            guard fstatat(at, reached, &info, following ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return FileStatus(info)
        },
        list: { LocalCalls.list($0) },
        write: { path, folder, fill in try LocalCalls.write(path, in: folder, fill: fill) },
        makeFolder: { path, folder in
            let (at, reached) = folder.at(path)
            guard mkdirat(at, reached, 0o755) == 0 else { throw SystemError.last }
        },
        makeSpreadFolder: { path, folder in
            let (at, reached) = folder.at(path)
            let (_, parent) = folder.at(FileSystem.parent(of: path))
            var markFailure: Int32 = 0
            let failure = newsroom_make_spread_folder_at(at, parent.isEmpty ? "." : parent, reached, &markFailure)
            guard failure == 0 else { throw SystemError(code: failure) }
            return markFailure == 0 ? nil : SystemError(code: markFailure)
        },
        rename: { from, to, folder in
            let (at, source) = folder.at(from)
            let (_, target) = folder.at(to)
            guard renameat(at, source, at, target) == 0 else { throw SystemError.last }
        },
        exchange: { from, to, folder in
            let (at, source) = folder.at(from)
            let (_, target) = folder.at(to)
            let failure = newsroom_exchange_at(at, source, target)
            guard failure == 0 else { throw SystemError(code: failure) }
        },
        remove: { path, folder, isFolder in
            let (at, reached) = folder.at(path)
            return unlinkat(at, reached, isFolder ? AT_REMOVEDIR : 0) == 0
        },
        lock: { path, kind, timeout in try LocalCalls.lock(path, kind: kind, timeout: timeout) },
        processID: { getpid() }
    )
}

/// The system calls behind `FileSystem.local` that take more than one line.
private enum LocalCalls {
    /// Whole-file reads with four system calls (open, fstat, read, close): Foundation's
    /// `contents(atPath:)` also stats the path first and builds its `Data` in steps.
    static func read(_ path: String, in folder: OpenFolder) -> (data: Data, status: FileStatus)? {
        let (at, reached) = folder.at(path)
        let descriptor = openat(at, reached, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return count == 0 }
                filled += count
            }
            return true
        }
        guard complete else { return nil }
        // A file that shrank while being read gives what it held; one that grew, its first bytes.
        if filled < data.count { data.removeSubrange(filled...) }
        return (data, FileStatus(info))
    }

    static func list(_ path: String) -> [(name: String, kind: FileSystem.ListedKind)]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var names: [(name: String, kind: FileSystem.ListedKind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            names.append((name, type == UInt8(DT_REG) ? .file : type == UInt8(DT_DIR) ? .folder : .other))
        }
        return names
    }

    static func write(_ path: String, in folder: OpenFolder, fill: (FileSystem.Append) throws -> Void) throws -> FileStatus {
        let (at, reached) = folder.at(path)
        let descriptor = openat(at, reached, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError.last }
        defer { close(descriptor) }
        try fill { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SystemError.last
                }
                offset += written
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemError.last }
        return FileStatus(info)
    }

    static func lock(_ path: String, kind: FileSystem.LockKind, timeout: TimeInterval) throws -> FileLock? {
        let descriptor = switch kind {
        case .file: open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        case .folder: open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { throw SystemError.last }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                return nil
            }
            usleep(50_000)
        }
        return FileLock(holding: descriptor)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}

extension FileStatus {
    fileprivate init(_ info: stat) {
        let mode = info.st_mode & S_IFMT
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(
            size: Int(info.st_size),
            modified: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000,
            isRegular: mode == S_IFREG,
            isDirectory: mode == S_IFDIR,
            inode: UInt64(info.st_ino)
        )
    }
}
