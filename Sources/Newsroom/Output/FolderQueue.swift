import Foundation
import Synchronization

/// Files whose folder is still to be made, written by whichever thread is making folders at the
/// time, so the other render thread goes back to rendering instead of waiting for that folder.
///
/// Folders are made one at a time (see `FolderMaker`): a thread that found the maker busy used
/// to wait, spinning, for as long as a `mkdirat` takes. Now it leaves its file here and returns;
/// the thread making folders writes every file left here before it lets go, and looks again
/// after letting go, so nothing left here is missed.
final class FolderQueue<File: Sendable>: Sendable {
    private let files = Mutex<[File]>([])
    /// Held by the one thread writing the queue's files.
    private let writing = Mutex(())

    /// Leaves `file` to be written, then writes every file left (this one included) unless
    /// another thread is doing so; a failure to write any of them is thrown here, to whichever
    /// caller was writing.
    func add(_ file: File, writing write: (File) throws -> Void) throws {
        files.withLock { $0.append(file) }
        try writeAll(write)
    }

    /// Writes every file left unless another thread is doing so (that thread writes them).
    func writeAll(_ write: (File) throws -> Void) throws {
        while true {
            let wrote: Void? = try writing.withLockIfAvailable { _ in
                while let next = files.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                    try write(next)
                }
            }
            // Another thread holds the queue and will find what was left; or this one let go
            // with nothing left, unless a file came in between its last look and letting go.
            guard wrote != nil, !files.withLock({ $0.isEmpty }) else { return }
        }
    }
}
