import Foundation
import Synchronization
import Testing
@testable import Newsroom
#if canImport(Glibc)
import Glibc
#endif

/// Which folders the output's folder maker spreads over the file system's block groups (see
/// `FileSystem.makeSpreadFolder`): of those it makes inside a folder it made, the first and one
/// in `FolderMaker.spreadEvery` after it; none inside folders that were there; none once the file
/// system says it has no mark.
@Suite struct FolderMakerTests {
    /// The folders made spread, in order.
    final class Spread: Sendable {
        let paths = Mutex<[String]>([])
    }

    /// The local file system, recording every folder made spread and making it plainly; with
    /// `unsupported`, answering as tmpfs does.
    func recording(_ spread: Spread, unsupported: Bool = false) -> FileSystem {
        var fileSystem = FileSystem.local
        fileSystem.makeSpreadFolder = { path, folder in
            spread.paths.withLock { $0.append(path) }
            try FileSystem.local.makeFolder(path, folder)
            return unsupported ? SystemError(code: EOPNOTSUPP) : nil
        }
        return fileSystem
    }

    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-folders-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func spreadsTheFirstAndEveryEighthFolderMadeInAFolderItMade() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spread = Spread()
        let fileSystem = recording(spread)
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem, rootIsNew: true)
        #expect(FolderMaker.spreadEvery == 8)
        for day in 1...17 {
            try maker.make("news/2023/04/item-\(day)")
        }
        try maker.make("news/2023/05/other")
        try maker.make("about")
        try maker.make("news/2023/04/item-1")
        #expect(spread.paths.withLock { $0 } == [
            "news", "news/2023", "news/2023/04", "news/2023/04/item-1", "news/2023/04/item-9",
            "news/2023/04/item-17", "news/2023/05/other",
        ], "news/2023/05 and about are each the second made in their folder")
        #expect(FileManager.default.fileExists(atPath: root + "/news/2023/04/item-16"))
        #expect(FileManager.default.fileExists(atPath: root + "/about"))
    }

    /// A staged build leaves the folders that were there alone, the output folder included.
    @Test func foldersMadeInFoldersThatWereThereAreNotSpread() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/news/2023", withIntermediateDirectories: true)
        let spread = Spread()
        let fileSystem = recording(spread)
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem)
        try maker.make("news/2023/04/second")
        try maker.make("news/2024/01/first")
        try maker.make("about")
        #expect(spread.paths.withLock { $0 } == ["news/2023/04/second", "news/2024/01", "news/2024/01/first"])
    }

    @Test func aFileSystemWithoutTheMarkIsAskedOnce() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let spread = Spread()
        let fileSystem = recording(spread, unsupported: true)
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem, rootIsNew: true)
        try maker.make("a/b/c")
        try maker.make("d/e/f")
        #expect(spread.paths.withLock { $0 } == ["a"])
        #expect(FileManager.default.fileExists(atPath: root + "/d/e/f"))
    }

    /// Two threads never make folders at the same time (in one parent, the kernel would make
    /// the second spin until the first is done).
    @Test func foldersAreMadeOneAtATime() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let making = Atomic(0), most = Atomic(0)
        var fileSystem = FileSystem.local
        fileSystem.makeFolder = { path, folder in
            let now = making.add(1, ordering: .relaxed).newValue
            most.max(now, ordering: .relaxed)
            usleep(200)
            defer { making.subtract(1, ordering: .relaxed) }
            try FileSystem.local.makeFolder(path, folder)
        }
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem, rootIsNew: true)
        let failures = Atomic(0)
        ParallelMap.forEach(200) { number in
            do { try maker.make("asked/\(number % 50)/\(number)") } catch { failures.add(1, ordering: .relaxed) }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(most.load(ordering: .relaxed) == 1)
        #expect(FileManager.default.fileExists(atPath: root + "/asked/49/199"))
    }
}
