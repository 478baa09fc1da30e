import Foundation
import TestSupport
import Testing
@testable import Newsroom

/// The local file system as the build sees it: what each operation does, and how it fails.
@Suite struct FileSystemTests {
    let fileSystem = FileSystem.local

    func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-fs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesReadsAndReportsStatus() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = fileSystem.openFolder(root)
        let written = try fileSystem.write(Data("hello".utf8), to: "a.txt", in: folder)
        #expect(written.size == 5 && written.isRegular && !written.isDirectory)
        #expect(fileSystem.status("a.txt", in: folder) == written)
        #expect(fileSystem.status(root + "/a.txt") == written)
        let read = try #require(fileSystem.read("a.txt", folder))
        #expect(read.data == Data("hello".utf8) && read.status == written, "a read gives the file's status with its bytes")
        #expect(fileSystem.read(root) == nil, "a folder is not read")
        #expect(fileSystem.status("missing", in: folder) == nil)
    }

    @Test func listsNamesWithTheirKinds() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fileSystem.makeFolders(root + "/b/c")
        try fileSystem.write(Data(), to: root + "/a")
        try FileManager.default.createSymbolicLink(atPath: root + "/l", withDestinationPath: "a")
        let listed = try #require(fileSystem.list(root)).sorted { $0.name < $1.name }
        #expect(listed.map(\.name) == ["a", "b", "l"])
        #expect(listed.map(\.kind) == [.file, .folder, .other])
        #expect(fileSystem.list(root + "/missing") == nil)
    }

    @Test func makingFoldersStopsAtAFileInTheWay() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try fileSystem.makeFolders(root + "/x/y")
        try fileSystem.makeFolders(root + "/x/y")
        try fileSystem.write(Data(), to: root + "/file")
        #expect(throws: SystemError.fileInTheWay) { try fileSystem.makeFolders(root + "/file") }
        #expect(throws: SystemError.self) { try fileSystem.makeFolders(root + "/file/below") }
    }

    @Test func exchangeSwapsTwoFilesAndSaysWhenOneIsMissing() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = fileSystem.openFolder(root)
        try fileSystem.write(Data("old".utf8), to: "target", in: folder)
        try fileSystem.write(Data("new".utf8), to: "staged", in: folder)
        try fileSystem.exchange("staged", "target", folder)
        #expect(fileSystem.read("target", folder)?.data == Data("new".utf8))
        #expect(fileSystem.read("staged", folder)?.data == Data("old".utf8))
        do {
            try fileSystem.exchange("staged", "missing", folder)
            Issue.record("swapped with a missing file")
        } catch let error as SystemError {
            #expect(error.isMissing || error.cannotExchange)
        }
        #expect(fileSystem.remove("staged", folder, false))
        #expect(!fileSystem.remove("staged", folder, false))
    }

    @Test func aLockHeldElsewhereIsWaitedForThenGivenUp() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var held = try fileSystem.lock(root + "/lock", .file, 1)
        #expect(held != nil)
        #expect(try fileSystem.lock(root + "/lock", .file, 0.1) == nil)
        held = nil
        #expect(try fileSystem.lock(root + "/lock", .file, 0.1) != nil, "released with its holder")
        #expect(throws: SystemError.self) { try fileSystem.lock(root + "/missing/lock", .file, 0.1) }
    }

    /// The parent is marked for the one folder only: a parent that was not marked is not left
    /// marked, and one that was stays so.
    @Test(.enabled(if: FolderFlags.unsupportedReason == nil, Comment(rawValue: FolderFlags.unsupportedReason ?? "")))
    func makesASpreadFolderAndPutsTheMarkBack() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = fileSystem.openFolder(root)
        try fileSystem.makeFolder("plain", folder)
        try fileSystem.makeFolder("kept", folder)
        #expect(FolderFlags.markTop(root + "/kept"))
        #expect(try fileSystem.makeSpreadFolder("plain/a", folder) == nil)
        #expect(try fileSystem.makeSpreadFolder("kept/a", folder) == nil)
        #expect(try fileSystem.makeSpreadFolder("spread", folder) == nil)
        for path in ["plain/a", "kept/a", "spread"] {
            #expect(fileSystem.status(path, in: folder)?.isDirectory == true, "\(path)")
        }
        #expect(FolderFlags.isMarkedTop(root + "/plain") == false)
        #expect(FolderFlags.isMarkedTop(root + "/kept") == true)
        #expect(FolderFlags.isMarkedTop(root) == false)
        #expect(throws: SystemError.self) { try fileSystem.makeSpreadFolder("spread", folder) }
        #expect(throws: SystemError.self) { try fileSystem.makeSpreadFolder("missing/a", folder) }
    }

    /// tmpfs keeps no such flag: spreading says so and makes the folder all the same, and the
    /// build then stops trying.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm"), "needs /dev/shm (tmpfs)"))
    func spreadingWhereTheFlagIsMissingSaysItIsUnsupported() throws {
        let root = "/dev/shm/newsroom-fs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let failure = try fileSystem.makeSpreadFolder(root + "/made", .working)
        #expect(failure?.isUnsupported == true, "\(String(describing: failure))")
        #expect(FileManager.default.fileExists(atPath: root + "/made"), "made all the same")
    }
}
