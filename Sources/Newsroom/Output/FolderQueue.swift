import Foundation
import Synchronization

/// Files whose folder is still to be made, written by whichever thread is making folders at the
/// time, so the other render thread goes back to rendering instead of waiting for that folder.
///
/// Folders are made one at a time (see `FolderMaker`): a thread that found the maker busy used
/// to wait, spinning, for as long as a `mkdirat` takes. Now it leaves its file here and returns;
/// the thread making folders writes every file left here before it lets go, and looks again
/// after letting go, so nothing left here is missed. Past `limit` files left, a thread also
/// writes files left here, down to half the limit, beside the writing thread: where folders are
/// slow to make (every item page has a folder of its own) pages would otherwise pile up here
/// faster than one thread writes them.
final class FolderQueue<File: Sendable>: Sendable {
    private let files = Mutex<[File]>([])
    /// Held by the one thread writing the queue's files.
    private let writing = Mutex(())
    private let limit: Int

    init(limit: Int = 64) {
        self.limit = limit
    }

    /// Leaves `file` to be written, then writes every file left (this one included) unless
    /// another thread is doing so; with more than `limit` left, writes some of them first either
    /// way. A failure to write any of them is thrown here, to whichever caller was writing.
    func add(_ file: File, writing write: (File) throws -> Void) throws {
        let left = files.withLock {
            $0.append(file)
            return $0.count
        }
        if left > limit { try writeLeft(downTo: limit / 2, write) }
        try writeAll(write)
    }

    /// Writes every file left unless another thread is doing so (that thread writes them).
    func writeAll(_ write: (File) throws -> Void) throws {
        while true {
            let wrote: Void? = try writing.withLockIfAvailable { _ in try writeLeft(downTo: 0, write) }
            // Another thread holds the queue and will find what was left; or this one let go
            // with nothing left, unless a file came in between its last look and letting go.
            guard wrote != nil, !files.withLock({ $0.isEmpty }) else { return }
        }
    }

    /// Writes the files left, oldest first, until `count` are.
    private func writeLeft(downTo count: Int, _ write: (File) throws -> Void) throws {
        while let next = files.withLock({ $0.count > count ? $0.removeFirst() : nil }) {
            try write(next)
        }
    }
}
