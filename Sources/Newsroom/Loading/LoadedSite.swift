import Foundation

/// A load `serve` keeps between rebuilds: the site as read, with what reading only the changed
/// item files again needs.
struct LoadedSite: Sendable {
    var source: SiteSource
    /// The news folder's items and bundles, in the order the folder lists them.
    var sources: [NewsItemLoader.Source]
    /// The diagnostics of everything but the item files: `site.yml`, the theme, the pages, the
    /// static files, the news folder's listing and the bundles' files.
    var otherDiagnostics: [Diagnostic]
    /// How the bodies were kept, for the next load's store.
    var bodies: BodyStore.Options
    /// What `ItemIDs.check` reported of these items when a reload last ran it; a reload whose
    /// items kept their ids reports it again instead of going through every item (nil: run it).
    var idDiagnostics: [Diagnostic]?

    /// The item files among `paths` (absolute, as the watcher reports them) as site-relative
    /// paths, when reading just those files again gives the site a full load would: each is a
    /// `.md` or `.markdown` file directly in the news folder, now a plain file or gone, whose
    /// name no other item has and that no other diagnostic points at. Nil (load everything)
    /// when any path is something else: `site.yml`, the theme, a page, a static file, a bundle,
    /// a link, or the news folder itself (as an overflowed watcher reports it).
    func changedItems(among paths: Set<String>, fileSystem: FileSystem = .local) -> Set<String>? {
        // An item file that could not be looked at last time has no record to reuse: read all.
        guard source.itemCache.records.count == sources.count else { return nil }
        let site = source.folder
        let news = site.url.path + "/" + NewsItemLoader.newsFolder + "/"
        var changed: Set<String> = []
        var stems: Set<String> = []
        var gone: Set<String> = []
        for path in paths {
            guard path.hasPrefix(news) else { return nil }
            let name = String(path.dropFirst(news.count))
            // The listing skips hidden names: an editor's swap file changes nothing.
            if name.hasPrefix(".") { continue }
            guard !name.contains("/") else { return nil }
            let relative = NewsItemLoader.newsFolder + "/" + name
            let status = fileSystem.status(site.path(relative))
            guard let stem = ContentFile.markdownStem(name) else {
                // Made and removed again since the last load (an editor's test file): nothing
                // to read, unless the last load reported it.
                guard status == nil else { return nil }
                gone.insert(relative)
                continue
            }
            if let status, !status.isRegular { return nil }
            changed.insert(relative)
            stems.insert(stem)
        }
        guard !changed.isEmpty || !gone.isEmpty else { return changed }
        // Two sources for one name are an error that involves files not changed; a bundle's
        // folder is not an item file.
        // Names compared one by one (an edit changes one or a few): every source's path hashed
        // to look it up took longer than the reload itself.
        let names = Array(stems), touched = changed.union(gone)
        for other in sources where names.contains(other.name) || other.bundlePath.map(touched.contains) == true {
            if !changed.contains(other.markdownPath) { return nil }
        }
        let shown = Set(changed.union(gone).map(site.display))
        if otherDiagnostics.contains(where: { shown.contains($0.path) }) { return nil }
        return changed
    }
}
