import Foundation

/// What a publish does to bring a destination from its record to the output's manifest, in the
/// order it does it: pages and assets, then feeds and sitemaps (so no feed or sitemap names a
/// page the destination does not have yet), then deletions (so no page is removed while a feed
/// still points at it).
struct ChangeSet: Equatable {
    struct File: Equatable {
        var path: String
        var hash: UInt64
        var kind: PublishedKind
    }

    /// Files whose bytes the destination lacks, pages and assets first, each group sorted.
    var pages: [File] = []
    var feedsAndSitemaps: [File] = []
    /// Paths the record holds and the build no longer makes, sorted.
    var deletions: [String] = []
    /// Folders that held deleted files and hold nothing the build makes, deepest first: removed
    /// after the files, so a web server answers 404 for a page that is gone rather than showing
    /// an empty folder.
    var vanishedFolders: [String] = []

    var uploadCount: Int { pages.count + feedsAndSitemaps.count }
    var isEmpty: Bool { uploadCount == 0 && deletions.isEmpty }

    /// Compares `manifest` with `record`; `bytes` reads an output file (only XML and JSON files
    /// to upload are read, to tell feeds and sitemaps).
    init(manifest: OutputManifest, record: PublishRecord, bytes: (String) -> Data?) {
        for path in manifest.entries.keys.sorted() where !Self.isBookkeeping(path) {
            let hash = manifest.entries[path]!.hash
            guard record.files[path] != hash else { continue }
            let kind = PublishedKind.of(path: path) { bytes(path) }
            let file = File(path: path, hash: hash, kind: kind)
            if kind == .page { pages.append(file) } else { feedsAndSitemaps.append(file) }
        }
        deletions = record.files.keys.filter { manifest.entries[$0] == nil }.sorted()
        if !deletions.isEmpty {
            let kept = Set(manifest.entries.keys.flatMap(Self.folders))
            vanishedFolders = Set(deletions.flatMap(Self.folders)).subtracting(kept)
                .sorted { (Self.depth($0), $1) > (Self.depth($1), $0) }
        }
    }

    static func depth(_ path: String) -> Int {
        path.utf8.count { $0 == UInt8(ascii: "/") }
    }

    /// The folders `path` lies in, from its parent up (the root left out).
    static func folders(of path: String) -> [String] {
        var folders: [String] = []
        var rest = Substring(path)
        while let slash = rest.lastIndex(of: "/") {
            rest = rest[..<slash]
            folders.append(String(rest))
        }
        return folders
    }

    /// The generator's own files in the output folder, never published.
    static func isBookkeeping(_ path: String) -> Bool {
        path.hasPrefix(".newsroom")
    }
}
