import Foundation
import Synchronization

extension StagedSession {
    /// Renames the staged files into place, in path order, on two threads (alone, 15,000
    /// renames were most of the write stage). A file that replaces one is swapped with it, so a
    /// failure anywhere can put every old file back: the output is all old or all new.
    func moveIntoPlace(_ ordered: [(path: String, staging: String, old: FileStatus?)]) throws {
        let moves = Moves(count: ordered.count)
        let fileSystem = self.fileSystem, root = self.root
        ParallelMap.forEach(2) { part in
            for index in stride(from: part, to: ordered.count, by: 2) {
                guard !moves.failed else { return }
                let (path, stagingPath, old) = ordered[index]
                switch Self.move(stagingPath, to: path, in: root, replacing: old, fileSystem: fileSystem) {
                case .success(let move): moves.done(index, move)
                case .failure(let reason): moves.fail(index, "cannot write \(path): \(reason)")
                }
            }
        }
        if var failure = moves.firstFailure {
            // Swapped files are swapped back (the staging name then holds the new version
            // again), new files are taken away; then the staging names are removed, except
            // where swapping back failed: there the staging name holds the old version.
            var oldVersions: Set<Int> = []
            for index in ordered.indices {
                let (path, stagingPath, _) = ordered[index]
                switch moves.move(index) {
                case .swapped:
                    if (try? fileSystem.exchange(stagingPath, path, root)) == nil {
                        oldVersions.insert(index)
                        failure += "; the previous \(path) is kept as \(stagingPath)"
                    }
                case .added: _ = fileSystem.remove(path, root, false)
                case .replaced, nil: break
                }
            }
            discard(ordered.indices.filter { !oldVersions.contains($0) }.map { ordered[$0].staging })
            removeCreatedFolders()
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(Self.markerName))
            throw OutputError(failure)
        }
        // The old versions, now under the staging names, are not needed any more.
        discardSwappedOut(ordered.indices.filter { moves.move($0) == .swapped }.map { ordered[$0].staging })
    }

    /// Puts the staged file at `stagingPath` in place at `path` (both relative to `root`);
    /// `old` is what was at `path` when the file was staged.
    static func move(_ stagingPath: String, to path: String, in root: OpenFolder, replacing old: FileStatus?, fileSystem: FileSystem) -> Result<Move, MoveFailure> {
        // The staged file's time, recorded when it was written, survives the move.
        if let old {
            if old.isDirectory { return .failure(.folderInTheWay) }
            do {
                try fileSystem.exchange(stagingPath, path, root)
                return .success(.swapped)
            } catch let error as SystemError where error.cannotExchange {
                do {
                    try fileSystem.rename(stagingPath, path, root)
                    return .success(.replaced)
                } catch {
                    return .failure(MoveFailure(error))
                }
            } catch let error as SystemError where error.isMissing {
                // Gone since it was staged: a new file after all.
            } catch {
                return .failure(MoveFailure(error))
            }
        }
        do {
            try fileSystem.rename(stagingPath, path, root)
            return .success(.added)
        } catch let error as SystemError where error.isFolder {
            return .failure(.folderInTheWay)
        } catch {
            return .failure(MoveFailure(error))
        }
    }

    struct MoveFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
        init(_ error: any Error) { description = "\(error); the previous output is kept" }
        static let folderInTheWay = MoveFailure("a folder of that name is in the way")
    }
}

/// How a staged file was put in place.
enum Move: Equatable {
    /// Nothing was there: renamed.
    case added
    /// Swapped with the old file, which is now under the staging name.
    case swapped
    /// Renamed over the old file, where the file system cannot swap: not undone on failure.
    case replaced
}

/// Which staged files the commit's threads put in place, how, and the first failure.
private final class Moves: Sendable {
    private struct State {
        var moves: [Move?]
        var failures: [(index: Int, message: String)] = []
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(moves: Array(repeating: nil, count: count))) }

    func done(_ index: Int, _ move: Move) { state.withLock { $0.moves[index] = move } }
    func fail(_ index: Int, _ message: String) { state.withLock { $0.failures.append((index, message)) } }
    var failed: Bool { state.withLock { !$0.failures.isEmpty } }
    func move(_ index: Int) -> Move? { state.withLock { $0.moves[index] } }
    /// The failure of the file first in path order.
    var firstFailure: String? { state.withLock { $0.failures.min { $0.index < $1.index }?.message } }
}
