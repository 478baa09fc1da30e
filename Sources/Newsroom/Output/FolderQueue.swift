import Foundation
import Synchronization

/// Files whose folder is still to be made, left by the render threads for whichever thread is
/// making folders at the time, so a render thread goes back to rendering instead of waiting for
/// that folder.
///
/// Folders are made one at a time (see `FolderMaker`), and making one costs more than rendering
/// a page: the thread that holds the queue (the drainer) makes each waiting file's folder and
/// writes the file, until none is left, then goes back to rendering; it looks again after
/// letting go, so nothing left here is missed.
///
/// Past `limit` files left (they are whole pages in memory), a thread that adds one stops
/// rendering until the drainer has brought them down to half the limit. It does not make folders
/// beside the drainer (it would only wait for the drainer's `mkdirat` to end): the drainer hands
/// it each file whose folder it made, and it writes them, so the drainer only makes folders;
/// with nothing to write it sleeps until the drainer has made the next folder.
final class FolderQueue<File: Sendable>: Sendable {
    private struct Files {
        /// Files waiting for their folder, oldest first from `head` on.
        var waiting: [File] = []
        var head = 0
        /// Files whose folder the drainer made, handed to the threads helping it.
        var ready: [File] = []
        /// Threads waiting for the queue to come down, writing what is ready.
        var helping = 0

        var waitingCount: Int { waiting.count - head }
        var isEmpty: Bool { waitingCount == 0 && ready.isEmpty }

        mutating func popWaiting() -> File? {
            guard head < waiting.count else { return nil }
            let file = waiting[head]
            head += 1
            // The front is cut once it is the larger part, so each file is moved about once.
            if head == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 64, head * 2 > waiting.count {
                waiting.removeFirst(head)
                head = 0
            }
            return file
        }
    }

    private let files = Mutex(Files())
    /// Held by the drainer.
    private let draining = Mutex(())
    /// Signalled by the drainer for the helping threads: a file is ready, or it is done.
    private let progress = DispatchSemaphore(value: 0)
    private let limit: Int

    init(limit: Int = 256) {
        self.limit = limit
    }

    /// Leaves `file` to be written, then makes the folders of and writes every file left (this
    /// one included) unless another thread is doing so; past `limit` files left, first helps
    /// bring them down to half of it. `makeFolder` makes a file's folder, `write` writes a file
    /// whose folder is there. A failure of either is thrown to whichever caller met it.
    func add(_ file: File, makingFolder makeFolder: (File) throws -> Void, writing write: (File) throws -> Void) throws {
        let left = files.withLock {
            $0.waiting.append(file)
            return $0.waitingCount
        }
        if left > limit { try help(makeFolder, write) }
        try writeAll(makingFolder: makeFolder, writing: write)
    }

    /// Makes the folders of and writes every file left, unless another thread is doing so (that
    /// thread writes them).
    func writeAll(makingFolder makeFolder: (File) throws -> Void, writing write: (File) throws -> Void) throws {
        while true {
            let drained: Void? = try draining.withLockIfAvailable { _ in try drain(makeFolder, write) }
            // Another thread drains and will find what was left; or this one let go with nothing
            // left, unless a file came in between its last look and letting go.
            guard drained != nil, !files.withLock({ $0.isEmpty }) else { return }
        }
    }

    /// Holding `draining`: each waiting file's folder made, and the file written, or handed to a
    /// helping thread when one waits; then whatever the helpers left.
    private func drain(_ makeFolder: (File) throws -> Void, _ write: (File) throws -> Void) throws {
        defer { wakeHelpers() }
        while let next = files.withLock({ $0.popWaiting() }) {
            try makeFolder(next)
            let handedOver = files.withLock { files in
                guard files.helping > 0 else { return false }
                files.ready.append(next)
                return true
            }
            if handedOver {
                progress.signal()
            } else {
                try write(next)
            }
        }
        while let next = files.withLock({ $0.ready.popLast() }) {
            try write(next)
        }
    }

    /// Lets every helping thread look again (the drainer is done, or failed).
    private func wakeHelpers() {
        let helping = files.withLock { $0.helping }
        for _ in 0..<helping { progress.signal() }
    }

    /// Until the files waiting are down to half the limit: writes those the drainer made folders
    /// for, or drains itself when no thread does.
    private func help(_ makeFolder: (File) throws -> Void, _ write: (File) throws -> Void) throws {
        files.withLock { $0.helping += 1 }
        defer { files.withLock { $0.helping -= 1 } }
        while true {
            let (ready, done) = files.withLock { ($0.ready.popLast(), $0.waitingCount <= limit / 2) }
            if let ready {
                try write(ready)
                continue
            }
            if done { return }
            // Draining itself, it has no one to hand files to.
            let drained: Void? = try draining.withLockIfAvailable { _ in
                files.withLock { $0.helping -= 1 }
                defer { files.withLock { $0.helping += 1 } }
                try drain(makeFolder, write)
            }
            if drained == nil {
                // A signal can be missed between looking and waiting (the drainer letting go
                // just then), so the wait is short.
                _ = progress.wait(timeout: .now() + .milliseconds(2))
            }
        }
    }
}
