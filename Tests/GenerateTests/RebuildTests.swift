import Foundation
import Testing
@testable import Newsroom

/// SPEC §6: no-op rebuilds write nothing, same input and clock give the same bytes,
/// removed sources take their pages with them, and links all work from disk.
@Suite struct RebuildTests {
    @Test func noOpRebuildRewritesNoFile() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let first = site.build()
        #expect(first.succeeded)
        #expect(first.report.written > 10)
        let before = fileIdentities(site.output)
        let second = site.build()
        #expect(second.report == OutputWriter.Report(written: 0, unchanged: first.report.written, removed: 0))
        #expect(fileIdentities(site.output) == before)
    }

    @Test func sameInputAndClockGiveIdenticalBytes() throws {
        let one = try TestSite(Sites.valid)
        let two = try TestSite(Sites.valid)
        defer { one.delete(); two.delete() }
        one.build()
        two.build()
        #expect(!one.outputTree().isEmpty)
        #expect(one.outputTree() == two.outputTree())
    }

    @Test func removedItemPageDisappears() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        site.build()
        #expect(site.exists("news/2023/04/second/index.html"))
        #expect(site.exists("news/2023/04/second/photo.svg"))
        try site.write("""
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First item
        date: 2023-03-21
        ---
        Alone now.
        """)
        try site.remove("site/content/news/2023-04-02-second")
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(!site.exists("news/2023/04/second/index.html"))
        #expect(!site.exists("news/2023/04/second/photo.svg"))
        #expect(!site.exists("news/2023/04"))
        #expect(result.report.removed >= 3)
    }

    /// A file whose name holds a tab or a line break must still be recorded in the state,
    /// kept on a rebuild, and removed when its source goes.
    @Test func fileNamesWithTabsAndLineBreaksAreTracked() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        for name in ["a\tb.txt", "c\nd.txt"] {
            try site.writeData(Data("x".utf8), to: "site/static/odd/" + name)
        }
        #expect(site.build().succeeded)
        #expect(site.exists("odd/a\tb.txt") && site.exists("odd/c\nd.txt"))
        let second = site.build()
        #expect(second.report.written == 0, "\(second.report)")
        try site.remove("site/static/odd/a\tb.txt")
        try site.remove("site/static/odd/c\nd.txt")
        let third = site.build()
        #expect(third.succeeded)
        #expect(!site.exists("odd/a\tb.txt"))
        #expect(!site.exists("odd/c\nd.txt"))
        #expect(third.report.removed == 2, "\(third.report)")
    }

    @Test func everyInternalLinkResolvesFromDisk() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        #expect(LinkWalk.brokenLinks(in: site.output) == [])
    }

    @Test func cleanURLsDropIndexHTML() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build { $0.cleanURLs = true }.succeeded)
        let page = try #require(site.read("news/2023/03/first/index.html"))
        #expect(page.contains("href=\"../../../../about/\""))
        #expect(page.contains("https://example.org/newsroom/news/2023/03/first/\""))
        #expect(!page.contains("index.html\""))
        #expect(LinkWalk.brokenLinks(in: site.output, cleanURLs: true) == [])
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try site.write("""
        -- output/notes.txt --
        precious
        """)
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.outputError?.contains("did not make") == true)
        #expect(site.read("notes.txt") == "precious\n")
    }

    @Test func refusesDangerousOutputFolders() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        for folder in [URL(fileURLWithPath: "/"), site.site, site.root, FileManager.default.homeDirectoryForCurrentUser] {
            let result = site.build { $0.output = folder }
            #expect(result.outputError?.hasPrefix("refusing") == true, "\(folder.path)")
        }
    }

    private func fileIdentities(_ folder: URL) -> [String: String] {
        var identities: [String: String] = [:]
        for path in Fixtures.tree(at: folder).keys {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let inode = attributes?[.systemFileNumber] as? Int ?? 0
            identities[path] = "\(modified) \(inode)"
        }
        return identities
    }
}
