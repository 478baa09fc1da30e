import Foundation
import Testing
@testable import Newsroom

/// The one file a build leaves for the next (`IncrementalState`): a file that cannot be
/// trusted means a full build, never an error.
@Suite struct IncrementalStateTests {
    static func stateURL(_ site: TestSite) -> URL {
        site.output.appendingPathComponent(IncrementalState.fileName)
    }

    /// Builds once, replaces the state with `bytes`, and checks the rebuild is a full one that
    /// gives the same output and a fresh state.
    func rebuildsFully(replacingStateWith bytes: (Data) -> Data) throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let clean = site.outputTree()
        let original = try Data(contentsOf: Self.stateURL(site))
        try bytes(original).write(to: Self.stateURL(site))
        let rebuild = site.build()
        #expect(rebuild.succeeded, "\(rebuild.diagnostics) \(rebuild.outputError ?? "")")
        #expect(!rebuild.reusedOutput)
        #expect(site.outputTree() == clean)
        #expect(try Data(contentsOf: Self.stateURL(site)) != bytes(original))
        #expect(site.build().reusedOutput)
    }

    @Test func truncatedStateMeansAFullBuild() throws {
        try rebuildsFully { $0.prefix($0.count / 2) }
    }

    @Test func stateOfAnotherVersionMeansAFullBuild() throws {
        let number = IncrementalState.version.utf8.last!
        try rebuildsFully { Data($0.map { $0 == number ? UInt8(ascii: "9") : $0 }.prefix(64)) + $0.dropFirst(64) }
    }

    @Test func garbageStateMeansAFullBuild() throws {
        try rebuildsFully { Data(repeating: 0xFF, count: $0.count) }
    }

    /// A first build's state (no file, or one that cannot be trusted) has no item records, so
    /// its load looks at no item file ahead; a built site's state has them.
    @Test func onlyAStateWithItemsHasRecordsToReuse() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(!IncrementalState.read(in: site.output).hasItemRecords)
        #expect(site.build().succeeded)
        #expect(IncrementalState.read(in: site.output).hasItemRecords)
        try Data(repeating: 0xFF, count: 64).write(to: Self.stateURL(site))
        #expect(!IncrementalState.read(in: site.output).hasItemRecords)
    }

    @Test func noOpRebuildLeavesTheStateAsItWas() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = FileStatus.of(Self.stateURL(site).path)
        let rebuild = site.build()
        #expect(rebuild.reusedOutput && rebuild.report.written == 0)
        let after = FileStatus.of(Self.stateURL(site).path)
        #expect(before?.inode == after?.inode && before?.modified == after?.modified)
    }

    /// An output folder made before the state was one file holds the former files instead: it
    /// is still ours, and they are replaced by the state.
    @Test func outputWithTheFormerFilesIsStillOurs() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        try FileManager.default.moveItem(at: Self.stateURL(site), to: site.output.appendingPathComponent(".newsroom-manifest"))
        try Data("old".utf8).write(to: site.output.appendingPathComponent(".newsroom-items"))
        let rebuild = site.build()
        #expect(rebuild.succeeded, "\(rebuild.outputError ?? "")")
        #expect(FileManager.default.fileExists(atPath: Self.stateURL(site).path))
        for name in IncrementalState.formerFileNames {
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(name).path))
        }
    }
}
