import Foundation
import Testing
@testable import Newsroom

/// `serve`'s watcher: the kernel's change events, as paths, for folders made after it started too.
@Suite struct ChangeWatcherTests {
    @Test func reportsEditsNewFoldersAndRemovals() throws {
        let (root, watcher) = try Self.watchedFolder { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
            try Data("one".utf8).write(to: root.appendingPathComponent("content/page.md"))
        }
        defer { Self.end(root, watcher) }
        let page = root.appendingPathComponent("content/page.md")

        try Data("two".utf8).write(to: page)
        #expect(watcher.next()?.contains(page.path) == true)

        // A bundle made in one go: the file written before its folder's watch existed counts.
        let bundle = root.appendingPathComponent("content/bundle")
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: bundle.appendingPathComponent("index.md"))
        var seen: Set<String> = []
        while !seen.contains(bundle.appendingPathComponent("index.md").path), let next = watcher.next() { seen.formUnion(next) }
        #expect(seen.contains(bundle.path))
        // And a later edit inside it is seen through its own watch.
        try Data("y".utf8).write(to: bundle.appendingPathComponent("photo.svg"))
        #expect(watcher.next()?.contains(bundle.appendingPathComponent("photo.svg").path) == true)

        try FileManager.default.removeItem(at: page)
        #expect(watcher.next()?.contains(page.path) == true)
    }

    /// A file closed after writing, or moved into place, ends a save: the watcher waits less
    /// for more after it than after any other change.
    @Test func aClosedOrMovedFileEndsASave() throws {
        let (root, watcher) = try Self.watchedFolder { try Data("one".utf8).write(to: $0.appendingPathComponent("page.md")) }
        defer { Self.end(root, watcher) }
        let page = root.appendingPathComponent("page.md"), staged = root.appendingPathComponent(".page.md.tmp")

        try Data("two".utf8).write(to: page)
        #expect(watcher.next()?.contains(page.path) == true)
        #expect(watcher.lastEventEndsSave)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: page.path)
        #expect(watcher.next()?.contains(page.path) == true)
        #expect(!watcher.lastEventEndsSave)
        try Data("three".utf8).write(to: staged)
        #expect(watcher.next()?.contains(staged.path) == true)
        #expect(rename(staged.path, page.path) == 0)
        #expect(watcher.next()?.contains(page.path) == true)
        #expect(watcher.lastEventEndsSave)
    }

    /// A new folder, filled by `prepare` and then watched. A change never reported fails the
    /// test instead of waiting for ever: the watch stops after 20 s.
    static func watchedFolder(_ prepare: (URL) throws -> Void) throws -> (URL, ChangeWatcher) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try prepare(root)
        guard let watcher = ChangeWatcher(folders: [root]) else {
            try? FileManager.default.removeItem(at: root)
            throw CocoaError(.featureUnsupported)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { watcher.stop() }
        return (root, watcher)
    }

    static func end(_ root: URL, _ watcher: ChangeWatcher) {
        watcher.stop()
        try? FileManager.default.removeItem(at: root)
    }

    @Test func stopEndsTheWait() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try #require(ChangeWatcher(folders: [root]))
        watcher.stop()
        #expect(watcher.next() == nil)
    }
}
