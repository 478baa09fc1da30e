import Foundation
import Synchronization

/// Makes the output's folders while a build stages files, from several threads at once, and
/// remembers which it made so an aborted build can remove them again.
///
/// One folder is made at a time: two threads making folders in the same parent at once make
/// the second spin in the kernel on the parent's lock until the first is done, which costs a
/// core the whole wait. A first build hands over its planned folders (`makeAhead`), made in
/// order on a thread of their own while the pages render, so a page's folder is usually there
/// by the time its file is written.
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
    /// The work making folders ahead, while it may still be running.
    private let ahead = Mutex<BackgroundWork<Void>?>(nil)
    /// Set to stop making folders ahead.
    private let stopping = Atomic(false)

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

    /// `mkdir -p` for a folder inside the root, given relative to it.
    func make(_ path: String) throws {
        if state.withLock({ $0.known.contains(path) }) { return }
        try making.withLock { _ in try makeOneAtATime(path) }
    }

    /// Makes `folders` (relative to the root, each with its parents) in order on a thread of
    /// its own, until done or stopped. A folder that cannot be made stops it: `make` then meets
    /// the failure again and reports it with the file that needed the folder.
    func makeAhead(_ folders: [String]) {
        let work = BackgroundWork { [self] in
            for folder in folders {
                if stopping.load(ordering: .relaxed) { return }
                do { try make(folder) } catch { return }
            }
        }
        ahead.withLock { $0 = work }
    }

    /// Waits until the folders handed to `makeAhead` are made; with `stopping`, makes no more
    /// of them first. Nothing is made in the root after.
    func finishAhead(stopping stop: Bool = false) {
        guard let work = ahead.withLock({ work in defer { work = nil }; return work }) else { return }
        if stop { stopping.store(true, ordering: .relaxed) }
        work.wait()
    }

    /// `make`, holding `making`.
    private func makeOneAtATime(_ path: String) throws {
        if state.withLock({ $0.known.contains(path) }) { return }
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

    /// The folders holding `files` (paths relative to the root), each once, in the order of
    /// the first file in each; the root left out.
    static func folders(holding files: some Sequence<String>) -> [String] {
        var seen: Set<String> = [""]
        var folders: [String] = []
        for file in files {
            let folder = parent(of: file)
            if seen.insert(folder).inserted { folders.append(folder) }
        }
        return folders
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

    /// Removes the folders `make` created that are empty again, deepest first (never the root),
    /// once no folder is being made ahead.
    func removeCreated() {
        finishAhead(stopping: true)
        let folders = state.withLock { $0.created }
        for path in folders.sorted(by: { $0.count > $1.count }) where !path.isEmpty {
            _ = fileSystem.remove(path, root, true)
        }
    }
}
