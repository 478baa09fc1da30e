import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files below some folders changed, as the kernel reports them (inotify), so
/// `serve` rebuilds the moment a file is saved instead of listing 10,000 files every few
/// hundred milliseconds. Folders made later are watched as they appear. Where inotify is not
/// available `init` returns nil and the caller polls.
// Unchecked: `watches` is touched only by the one thread that calls `next`; `stopped` is
// behind its lock.
public final class ChangeWatcher: @unchecked Sendable {
    private let descriptor: Int32
    /// Watch descriptor → the folder it watches.
    private var watches: [Int32: String] = [:]
    private let stopped = NSLock()
    private var isStopped = false

    /// False once a folder could not be watched (the kernel's limit on watches was reached):
    /// changes in it go unreported.
    public private(set) var watchesEveryFolder = true

    /// How long the watcher waits for more events once one arrived, so an editor's save
    /// (write, then rename, then change of attributes) is one rebuild.
    public var settle: TimeInterval = 0.005
    /// The wait once the last event closed a file written or moved one into place: as a rule
    /// the end of a save, and whatever else that save does follows within microseconds.
    public var settleAfterSave: TimeInterval = 0.001
    /// Whether the last event read was one that ends a save (see `settleAfterSave`).
    public private(set) var lastEventEndsSave = false

    public init?(folders: [URL]) {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        for folder in folders { watchTree(folder.standardizedFileURL.path) }
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #endif
    }

    /// Ends `next` within a fifth of a second.
    public func stop() {
        stopped.withLock { isStopped = true }
    }

    private var shouldStop: Bool { stopped.withLock { isStopped } }

    /// Waits for the next changes and returns the paths that changed (files, or folders that
    /// were made, moved or removed); nil once `stop` was called.
    public func next() -> Set<String>? {
        #if canImport(Glibc)
        var changed: Set<String> = []
        while !shouldStop {
            let timeout = changed.isEmpty ? 200 : Int32(((lastEventEndsSave ? settleAfterSave : settle) * 1000).rounded(.up))
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready > 0 {
                readEvents(into: &changed)
            } else if ready == 0, !changed.isEmpty {
                return changed
            } else if ready < 0, errno != EINTR {
                return nil
            }
        }
        #endif
        return nil
    }

    /// The paths changed since the last call, as far as the kernel reported them by now,
    /// without waiting.
    public func pending() -> Set<String> {
        var changed: Set<String> = []
        #if canImport(Glibc)
        readEvents(into: &changed)
        #endif
        return changed
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    private func watchTree(_ path: String) {
        let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else {
            if errno != ENOENT { watchesEveryFolder = false }
            return
        }
        watches[watch] = path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            let child = path + "/" + name
            var status = stat()
            if lstat(child, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { watchTree(child) }
        }
    }

    private func readEvents(into changed: inout Set<String>) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { return }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                let name = event.len > 0 ? String(cString: nameStart) : ""
                offset += header + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: say that everything may have changed.
                    changed.formUnion(watches.values)
                    continue
                }
                guard let folder = watches[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    watches[event.wd] = nil
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                changed.insert(path)
                lastEventEndsSave = event.mask & UInt32(IN_ISDIR) == 0 && event.mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    // Files may have been written into it before its watch existed.
                    watchTree(path)
                    if let names = try? FileManager.default.subpathsOfDirectory(atPath: path) {
                        changed.formUnion(names.map { path + "/" + $0 })
                    }
                }
            }
        }
    }
    #endif
}
