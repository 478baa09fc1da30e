import Foundation
import Testing
@testable import Newsroom

/// The parts of `publish` that need no tool: reading DEST, telling feeds from pages, the change
/// set and the record.
@Suite struct PublishPlanTests {
    let working = URL(fileURLWithPath: "/srv/site")

    @Test func destinationsPickTheirTool() throws {
        let folder = try PublishDestination("../www", workingFolder: working)
        #expect(folder.transport == .rsync && folder.target == "/srv/www")
        let host = try PublishDestination("deploy@web1:/var/www/news", workingFolder: working)
        #expect(host.transport == .rsync && host.target == "deploy@web1:/var/www/news")
        let pathWithColon = try PublishDestination("./a:b", workingFolder: working)
        #expect(pathWithColon.transport == .rsync && pathWithColon.target == "/srv/site/a:b")
        let bucket = try PublishDestination("rclone:s3prod:news-bucket/site", workingFolder: working)
        #expect(bucket.transport == .rclone && bucket.target == "s3prod:news-bucket/site")
        let onTheFly = try PublishDestination("rclone::local:/tmp/x", workingFolder: working)
        #expect(onTheFly.target == ":local:/tmp/x")
        #expect(throws: PublishError.self) { try PublishDestination("rclone:bucket-without-remote", workingFolder: working) }
        #expect(throws: PublishError.self) { try PublishDestination("", workingFolder: working) }
    }

    @Test func oneDestinationWrittenTwoWaysSharesOneRecord() throws {
        let output = URL(fileURLWithPath: "/srv/site/output")
        let a = PublishRecord.Location(output: output, destination: try PublishDestination("www", workingFolder: working))
        let b = PublishRecord.Location(output: output, destination: try PublishDestination("/srv/site/x/../www/", workingFolder: working))
        let c = PublishRecord.Location(output: output, destination: try PublishDestination("rclone:www:", workingFolder: working))
        #expect(a.record == b.record)
        #expect(a.record != c.record)
        #expect(a.folder == "/srv/site/.newsroom-publish")
    }

    @Test func feedsAndSitemapsAreToldByTheirBytes() {
        func kind(_ path: String, _ text: String?) -> PublishedKind {
            PublishedKind.of(path: path) { text.map { Data($0.utf8) } }
        }
        #expect(kind("news/feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">") == .feed)
        #expect(kind("news/atom.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">") == .feed)
        #expect(kind("news/feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\"}") == .feed)
        // Keys in any order: a writer that sorts them puts `version` after the items.
        let items = String(repeating: "{\"id\": \"x\", \"content_text\": \"text\"}, ", count: 100)
        #expect(kind("news/feed.json", "{\"items\": [\(items){}], \"version\": \"https:\\/\\/jsonfeed.org\\/version\\/1.1\"}") == .feed)
        #expect(kind("data.json", "{\"note\": \"https://jsonfeed.org/version/1.1\"}") == .page)
        #expect(kind("sitemap.xml", "<?xml version=\"1.0\"?><urlset>") == .sitemap)
        #expect(kind("sitemap-2.xml", "<sitemapindex>") == .sitemap)
        #expect(kind("robots.txt", nil) == .sitemap)
        #expect(kind("search.json", "{\"items\": []}") == .page)
        #expect(kind("browserconfig.xml", "<browserconfig/>") == .page)
        #expect(kind("news/index.html", "<rss") == .page)
    }

    @Test func changeSetHoldsChangedFilesInOrderAndDeletions() {
        var manifest = OutputManifest()
        for (path, hash) in [("index.html", 1), ("news/feed.xml", 2), ("style.css", 3), ("about/index.html", 4), (".newsroom-state", 5)] {
            manifest.entries[path] = OutputManifest.Entry(hash: UInt64(hash), size: 1, modified: 0)
        }
        var record = PublishRecord()
        record.files = ["index.html": 1, "style.css": 30, "gone/index.html": 7, "news/feed.xml": 20]
        let changes = ChangeSet(manifest: manifest, record: record) { path in
            path.hasSuffix(".xml") ? Data("<rss version=\"2.0\">".utf8) : nil
        }
        #expect(changes.pages.map(\.path) == ["about/index.html", "style.css"])
        #expect(changes.feedsAndSitemaps.map(\.path) == ["news/feed.xml"])
        #expect(changes.feedsAndSitemaps.first?.kind == .feed)
        #expect(changes.deletions == ["gone/index.html"])
        let none = ChangeSet(manifest: manifest, record: {
            var same = PublishRecord()
            same.files = manifest.entries.filter { !$0.key.hasPrefix(".") }.mapValues(\.hash)
            return same
        }()) { _ in nil }
        #expect(none.isEmpty)
    }

    @Test func foldersLeftEmptyAreRemovedDeepestFirst() {
        var manifest = OutputManifest()
        for path in ["a/b/c.html", "a/index.html", "index.html"] {
            manifest.entries[path] = OutputManifest.Entry(hash: 1, size: 1, modified: 0)
        }
        var record = PublishRecord()
        record.files = ["a/x/y/z.html": 2, "a/x/w.html": 2, "q/r.html": 2, "a/b/old.html": 2, "a/b/c.html": 1, "a/index.html": 1, "index.html": 1]
        let changes = ChangeSet(manifest: manifest, record: record) { _ in nil }
        #expect(changes.deletions == ["a/b/old.html", "a/x/w.html", "a/x/y/z.html", "q/r.html"])
        #expect(changes.vanishedFolders == ["a/x/y", "a/x", "q"])
    }

    @Test func recordRoundTripsAndADamagedOneIsALocatedError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publish-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dest.record").path
        #expect(try PublishRecord.read(at: path, fileSystem: .local) == PublishRecord())
        var record = PublishRecord()
        record.files = ["a b/index.html": 0x0123_4567_89AB_CDEF, "x\ty.html": 1]
        record.pendingPings = ["https://example.org/news/feed.xml"]
        try record.write(at: path, fileSystem: .local)
        #expect(try PublishRecord.read(at: path, fileSystem: .local) == record)
        try Data("newsroom-publish 1\n0000000000000001\tok.html\nnot a line\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try PublishRecord.read(at: path, fileSystem: .local)
        } throws: { error in
            "\(error)".hasPrefix("\(path):3:1: error: expected a 16-digit hash")
        }
    }

    @Test func hubPingsAreFormEncoded() {
        #expect(HubPing.formEncoded("https://example.org/news/tags/café/feed.xml?a=b&c")
            == "https%3A%2F%2Fexample.org%2Fnews%2Ftags%2Fcaf%C3%A9%2Ffeed.xml%3Fa%3Db%26c")
    }
}
