import Foundation
import TestSupport
import Testing
@testable import Newsroom

/// Files are staged beside their targets: a killed run's leftovers are swept by the next run,
/// an aborted build takes its staged files and new folders with it, a commit that fails
/// half-way puts every old file back, and the folders a build makes carry ext4's
/// top-of-subtree mark so a clean build after `rm -rf` stays fast.
@Suite struct StagingTests {
    @Test func nextRunSweepsWhatAKilledRunStaged() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let clean = site.outputTree()
        // What a run killed mid-build leaves: its marker, staged files, a folder it made.
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(StagedSession.markerName), withIntermediateDirectories: true)
        try site.writeData(Data("half".utf8), to: "output/news/2023/04/second/.index.html" + StagedSession.stagedSuffix)
        try site.writeData(Data("half".utf8), to: "output/news/2031/01/future/.index.html" + StagedSession.stagedSuffix)
        let result = site.build()
        #expect(result.succeeded)
        #expect(site.outputTree() == clean)
        #expect(!site.exists("news/2031"))
        #expect(!site.exists(StagedSession.markerName))
    }

    /// Builds, adds an item, puts a folder where `blocked` must go so the commit fails after
    /// staging, and checks that the previous output is all there is (less `blocked`).
    func failingCommitKeepsTheOldOutput(blocked: String) throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        try site.write("""
        -- site/content/news/2024-02-03-new-item.md --
        ---
        title: A new item
        date: 2024-02-03
        ---
        Text.
        """)
        try site.remove("output/" + blocked)
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(blocked), withIntermediateDirectories: true)
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.outputError?.contains("cannot write \(blocked): a folder of that name is in the way") == true, "\(String(describing: result.outputError))")
        var expected = before
        expected[blocked] = nil
        #expect(site.outputTree() == expected)
        #expect(!site.exists("news/2024"))
        let staged = FileManager.default.enumerator(atPath: site.output.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(StagedSession.stagedSuffix) }
        #expect(staged == [])
    }

    /// The failure comes first in path order: nothing has been moved yet.
    @Test func abortedBuildRemovesItsStagedFilesAndNewFolders() throws {
        try failingCommitKeepsTheOldOutput(blocked: "index.html")
    }

    /// The failure comes last in path order, after files that replace old ones (listings, feeds)
    /// and new ones were put in place: every one of them is put back.
    @Test func aCommitFailingLateLeavesEveryOldFile() throws {
        try failingCommitKeepsTheOldOutput(blocked: "sitemap.xml")
    }

    /// Swapping a listing into place fails after other files were swapped and added: every
    /// swap is undone and every added file taken away.
    @Test func aSwapFailingLatePutsEveryOldFileBack() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        try site.write(Self.newItem)
        let result = site.build { $0.fileSystem = FileSystem.local.failingMoves(onto: "sitemap.xml") }
        #expect(result.outputError == "cannot write sitemap.xml: Input/output error; the previous output is kept")
        #expect(site.outputTree() == before)
        #expect(!site.exists("news/2024"))
        #expect(Self.stagedFiles(site) == [])
    }

    /// Where files cannot be swapped, a changed file is renamed over the old one: the same
    /// output as a build that swaps.
    @Test func withoutSwappingFilesAreRenamedOver() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        try site.write(Self.newItem)
        let result = site.build { $0.fileSystem = FileSystem.local.withoutExchange }
        #expect(result.succeeded, "\(String(describing: result.outputError))")
        let renamed = site.outputTree()
        #expect(site.exists("news/2024/02/new-item/index.html"))
        let swapped = site.root.appendingPathComponent("swapped")
        #expect(site.build { $0.output = swapped }.succeeded)
        #expect(renamed == Fixtures.tree(at: swapped))
        #expect(Self.stagedFiles(site) == [])
    }

    /// Folders are spread by marking their parent (ext4's `chattr +T`) only while each is made:
    /// neither a first build nor a later build that adds folders leaves a folder marked, and a
    /// folder the user marked stays marked.
    @Test(.enabled(if: FolderFlags.unsupportedReason == nil, Comment(rawValue: FolderFlags.unsupportedReason ?? "")))
    func spreadingLeavesNoMark() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        func marked(_ folder: String) -> Bool? {
            FolderFlags.isMarkedTop(site.output.path + folder)
        }
        #expect(site.build().succeeded)
        for folder in ["", "/news", "/news/2023", "/news/2023/04", "/news/2023/04/second"] {
            #expect(marked(folder) == false, "first build: \(folder)")
        }
        #expect(FolderFlags.markTop(site.output.path + "/news"))
        try site.write(Self.newItem)
        #expect(site.build().succeeded)
        #expect(site.exists("news/2024/02/new-item/index.html"))
        for folder in ["/news/2024", "/news/2024/02", "/news/2024/02/new-item"] {
            #expect(marked(folder) == false, "staged build: \(folder)")
        }
        #expect(marked("/news") == true, "marked by the user")
    }

    static let newItem = """
    -- site/content/news/2024-02-03-new-item.md --
    ---
    title: A new item
    date: 2024-02-03
    ---
    Text.
    """

    static func stagedFiles(_ site: TestSite) -> [String]? {
        FileManager.default.enumerator(atPath: site.output.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(StagedSession.stagedSuffix) }
    }
}
