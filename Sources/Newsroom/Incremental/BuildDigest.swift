import Foundation

/// One 64-bit digest of everything a build's output is made from: the generator, the options,
/// `site.yml`, the theme, every content file (by content hash), what is published at this
/// moment, and every file copied as-is (by size, time and inode). When it equals the digest
/// the last build recorded and that build's files are untouched, the output is already right.
enum BuildDigest {
    static func of(_ source: SiteSource, site: SourceFolder, themes: SourceFolder, baseURL: String?, cleanURLs: Bool?, publication: Publication, bannerShowing: Bool) -> UInt64 {
        var hasher = KeyHasher()
        hasher.combine("newsroom-build-digest-1")
        hasher.combine(inputsOf: source)
        hasher.combine(site.url.path)
        hasher.combine(site.displayName)
        hasher.combine(themes.url.path)
        hasher.combine(baseURL ?? "\u{0}")
        hasher.combine(cleanURLs.map { $0 ? "clean" : "files" } ?? "\u{0}")
        hasher.combine(publication.includeDrafts)
        hasher.combine(publication.includeFuture)
        hasher.combine(bannerShowing)
        // Items in runs of a fixed length, hashed on every core, then each run's digest in order:
        // `serve` works this out again after every edit. Read in place: a copy of each item
        // costs more than its hashing.
        let items = source.items, run = 1_024
        let runs = ParallelMap.run((items.count + run - 1) / run) { number -> UInt64 in
            var hasher = KeyHasher()
            for position in (number * run)..<min(items.count, number * run + run) {
                hasher.combine(items[position].sourcePath)
                hasher.combine(items[position].contentHash)
                hasher.combine(publication.isPublished(items[position]))
                hasher.combine(publication.isScheduled(items[position]))
            }
            return hasher.value
        }
        for value in runs { hasher.combine(value) }
        for page in source.pages {
            hasher.combine(page.sourcePath)
            hasher.combine(page.contentHash)
        }
        for bundle in source.bundleFiles.keys.sorted() {
            for file in source.bundleFiles[bundle]! { combine(copied: source.folder.file(file), as: file, into: &hasher) }
        }
        for file in source.theme.assets + source.staticFiles {
            combine(copied: file.sourceURL, as: file.outputPath, into: &hasher)
        }
        return hasher.value
    }

    private static func combine(copied url: URL, as name: String, into hasher: inout KeyHasher) {
        hasher.combine(name)
        guard let status = FileStatus.of(url.path, following: true) else {
            hasher.combine("missing")
            return
        }
        hasher.combine(status.size)
        hasher.combine(UInt64(status.modified * 1_000_000_000))
        hasher.combine(status.inode)
    }
}
