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
/// Of the folders it makes inside a folder it made, the first and every `spreadEvery`-th after
/// it are spread over the file system's block groups (see `FileSystem.makeSpreadFolder`), and
/// the ones between are left to the file system, which puts them beside the last folder made in
/// the same place: spreading every folder costs ext4 a scan of all its block groups per folder
/// (about 40 µs each here, a quarter of a clean build's CPU), and spreading none packs a month's
/// pages into one block group, where the next build after a wipe skips the freed inodes one by
/// one. Folders that were there before the build are left as they are. Where the file system has
/// no such mark, spreading stops for the rest of the build.
final class FolderMaker: Sendable {
    private let root: OpenFolder
    private let fileSystem: FileSystem
    private let state: Mutex<State>
    /// Held while a folder is made (see the type's comment).
    private let making = Mutex(())

    /// Spread folders among those made inside one folder: the first, then one in this many. On
    /// the 10,000-item benchmark's output, written again after a wipe in the folder last written
    /// (a Python writer, six rounds each, twelve seconds apart), the kernel's time was 1.64 s
    /// spreading every folder, 1.11 s spreading one in 8, 1.05 s one in 16, and it grew from
    /// round to round at one in 32.
    static let spreadEvery = 8

    private struct State {
        /// Folders known to exist, by path relative to the root ("" is the root).
        var known: Set<String> = [""]
        /// The folders this session made: files in them are known not to exist yet, and an
        /// aborted build removes them again.
        var created: Set<String> = []
        /// How many folders were made so far inside each folder this session made.
        var madeInside: [String: Int] = [:]
        /// Cleared when the file system turns out not to have the mark.
        var marks = true

        /// Whether the next folder made inside `parent` is spread, counting it.
        mutating func spreadsNext(in parent: String) -> Bool {
            guard marks, created.contains(parent) else { return false }
            let made = madeInside[parent, default: 0]
            madeInside[parent] = made + 1
            return made % FolderMaker.spreadEvery == 0
        }
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
        let parent = FileSystem.parent(of: path)
        try makeOneAtATime(parent)
        do {
            if state.withLock({ $0.spreadsNext(in: parent) }) {
                // Any other failure to mark leaves this one folder where the file system puts
                // it: spreading changes only where folders are placed, never what is written.
                if let failure = try fileSystem.makeSpreadFolder(path, root), failure.isUnsupported {
                    state.withLock { $0.marks = false }
                }
            } else {
                try fileSystem.makeFolder(path, root)
            }
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

    /// Removes the folders `make` created that are empty again, deepest first (never the root).
    func removeCreated() {
        let folders = state.withLock { $0.created }
        for path in folders.sorted(by: { $0.count > $1.count }) where !path.isEmpty {
            _ = fileSystem.remove(path, root, true)
        }
    }
}
