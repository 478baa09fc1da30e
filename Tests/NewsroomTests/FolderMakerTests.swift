import Foundation
import Synchronization
import Testing
@testable import Newsroom
#if canImport(Glibc)
import Glibc
#endif

/// Which folders the output's folder maker marks for spreading (ext4's `chattr +T`): those it
/// makes that get folders inside, each once, and none once the file system says it has no mark.
@Suite struct FolderMakerTests {
    /// The folders marked, in order.
    final class Marks: Sendable {
        let paths = Mutex<[String]>([])
    }

    /// The local file system, recording every folder marked instead of marking it; with
    /// `unsupported`, answering as tmpfs does.
    func recording(_ marks: Marks, unsupported: Bool = false) -> FileSystem {
        var fileSystem = FileSystem.local
        fileSystem.markForSpreading = { path, _ in
            marks.paths.withLock { $0.append(path) }
            if unsupported { throw SystemError(code: EOPNOTSUPP) }
        }
        return fileSystem
    }

    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-folders-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func marksEachNewFolderThatGetsFoldersOnce() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let marks = Marks()
        let fileSystem = recording(marks)
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem, rootIsNew: true)
        for path in ["news/2023/04/second", "news/2023/04/third", "news/2023/05/fourth", "about"] {
            try maker.make(path)
        }
        #expect(marks.paths.withLock { $0 } == [".", "news", "news/2023", "news/2023/04", "news/2023/05"])
        #expect(FileManager.default.fileExists(atPath: root + "/news/2023/05/fourth"))
    }

    /// A staged build leaves the folders that were there alone, the output folder included.
    @Test func foldersThatWereThereAreNotMarked() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/news/2023", withIntermediateDirectories: true)
        let marks = Marks()
        let fileSystem = recording(marks)
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem)
        try maker.make("news/2023/04/second")
        try maker.make("news/2024/01/first")
        #expect(marks.paths.withLock { $0 } == ["news/2023/04", "news/2024", "news/2024/01"])
    }

    @Test func aFileSystemWithoutTheMarkIsAskedOnce() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let marks = Marks()
        let fileSystem = recording(marks, unsupported: true)
        let maker = FolderMaker(root: fileSystem.openFolder(root), fileSystem: fileSystem, rootIsNew: true)
        try maker.make("a/b/c")
        try maker.make("d/e/f")
        #expect(marks.paths.withLock { $0 } == ["."])
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
