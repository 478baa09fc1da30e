import Foundation
import Synchronization

/// Makes the output's folders while a build stages files, from several threads at once, and
/// remembers which it made so an aborted build can remove them again.
///
/// One folder is made at a time: two threads making folders in the same parent at once make
/// the second spin in the kernel on the parent's lock until the first is done, and fail with
/// EEXIST where both make the same one. Waiting on `making` still spins while the maker runs
/// (the mutex's own spinning), but only as long as one `mkdirat` takes.
///
/// Every folder it makes that gets folders inside it is marked for spreading (ext4's
/// `chattr +T`, see `FileSystem.markForSpreading`), when the first folder is made inside it:
/// ext4 reads the mark only when it places a folder inside the marked one, so a page's folder,
/// with only files in it, is left unmarked and costs no extra system calls. Where the file
/// system has no such mark, marking stops for the rest of the build.
final class FolderMaker: Sendable {
    private let root: OpenFolder
    private let fileSystem: FileSystem
    private let state: Mutex<State>
    /// Held while a folder is made (see the type's comment).
    private let making = Mutex(())

    private struct State {
        /// Folders known to exist, by path relative to the root ("" is the root).
        var known: Set<String> = [""]
        /// The folders this session made: files in them are known not to exist yet, and an
        /// aborted build removes them again.
        var created: Set<String> = []
        /// The folders marked so far, or about to be.
        var marked: Set<String> = []
        /// Cleared when the file system turns out not to have the mark.
        var marks = true
    }

    /// `rootIsNew`: the root itself was made for this build (a first build's folder), so it is
    /// marked too once a folder is made inside it.
    init(root: OpenFolder, fileSystem: FileSystem, rootIsNew: Bool = false) {
        self.root = root
        self.fileSystem = fileSystem
        self.state = Mutex(State(created: rootIsNew ? [""] : []))
    }

    /// Whether `path` (relative to the root) is a folder this session made, so nothing was in
    /// it before the build.
    func madeThisBuild(_ path: String) -> Bool {
        state.withLock { $0.created.contains(path) }
    }

    /// Whether `path` (relative to the root) is known to exist: made or found this session.
    func isKnown(_ path: String) -> Bool {
        state.withLock { $0.known.contains(path) }
    }

    /// `mkdir -p` for a folder inside the root, given relative to it.
    func make(_ path: String) throws {
        if isKnown(path) { return }
        try making.withLock { _ in try makeOneAtATime(path) }
    }

    /// `make`, holding `making`.
    private func makeOneAtATime(_ path: String) throws {
        if isKnown(path) { return }
        let parent = Self.parent(of: path)
        try makeOneAtATime(parent)
        markBeforeItsFirstFolder(parent)
        do {
            try fileSystem.makeFolder(path, root)
            state.withLock {
                $0.created.insert(path)
                $0.known.insert(path)
            }
            return
        } catch let error as SystemError where error.isAlreadyThere {
        } catch {
            throw OutputError("cannot create the folder \(root.path)/\(path): \(error)")
        }
        guard fileSystem.status(path, in: root)?.isDirectory == true else {
            throw OutputError("cannot create the folder \(root.path)/\(path): a file is in the way")
        }
        state.withLock { _ = $0.known.insert(path) }
    }

    /// The folder holding `path` (relative to the root; "" for the root), cut at its last `/`
    /// byte: the separator the file system reads, found without walking characters.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Marks `path`, a folder this session made, before the first folder is made inside it.
    /// A folder that was there before the build is left as it is.
    private func markBeforeItsFirstFolder(_ path: String) {
        let needed = state.withLock { $0.marks && $0.created.contains(path) && $0.marked.insert(path).inserted }
        guard needed else { return }
        do {
            try fileSystem.markForSpreading(path.isEmpty ? "." : path, root)
        } catch let error as SystemError where error.isUnsupported {
            state.withLock { $0.marks = false }
        } catch {
            // Any other failure leaves this one folder unmarked: the mark changes only where
            // folders are placed, never what the build writes.
        }
    }

    /// Removes the folders `make` created that are empty again, deepest first (never the root).
    func removeCreated() {
        let folders = state.withLock { $0.created }
        for path in folders.sorted(by: { $0.count > $1.count }) where !path.isEmpty {
            _ = fileSystem.remove(path, root, true)
        }
    }
}
