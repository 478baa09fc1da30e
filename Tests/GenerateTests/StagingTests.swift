import Foundation
import Testing
@testable import Newsroom

/// Files are staged beside their targets: a killed run's leftovers are swept by the next run,
/// an aborted build takes its staged files and new folders with it, and the folders it makes carry
/// ext4's "top of a subtree" mark so a clean build after `rm -rf` stays fast.
@Suite struct StagingTests {
    @Test func nextRunSweepsWhatAKilledRunStaged() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let clean = site.outputTree()
        // What a run killed mid-build leaves: its marker, staged files, a folder it made.
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent(OutputWriter.temporaryFolder), withIntermediateDirectories: true)
        try site.writeData(Data("half".utf8), to: "output/news/2023/04/second/.index.html" + OutputSession.stagedSuffix)
        try site.writeData(Data("half".utf8), to: "output/news/2031/01/future/.index.html" + OutputSession.stagedSuffix)
        let result = site.build()
        #expect(result.succeeded)
        #expect(site.outputTree() == clean)
        #expect(!site.exists("news/2031"))
        #expect(!site.exists(OutputWriter.temporaryFolder))
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
        let staged = FileManager.default.enumerator(atPath: site.output.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(OutputSession.stagedSuffix) }
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

    @Test func newFoldersAreMarkedForSpreading() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        func flags(_ folder: String) throws -> CommandRunner.Outcome {
            try CommandRunner.run(["-d", site.output.path + folder], in: site.root, executable: URL(fileURLWithPath: "/usr/bin/lsattr"))
        }
        let probe = try flags("")
        try #require(probe.status == 0, "the temporary folder's file system keeps no folder flags: \(probe.stderr)")
        // Folders that hold folders are marked; a page's folder, with only files in it, is not
        // (ext4 reads the mark only when making a folder inside the marked one).
        for folder in ["", "/news", "/news/2023", "/news/2023/04"] {
            let listing = try flags(folder).stdout
            #expect(listing.split(separator: " ").first?.contains("T") == true, "\(folder): \(listing)")
        }
        let page = try flags("/news/2023/04/second").stdout
        #expect(page.split(separator: " ").first?.contains("T") == false, "page folder: \(page)")
    }
}
