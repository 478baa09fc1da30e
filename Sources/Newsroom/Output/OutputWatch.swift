import Foundation

/// What the kernel reported changed in the output folder while `serve` runs, so a rebuild
/// looks on disk only at the kept files that may have been touched (a hand edit, another run,
/// the last build's own writes) instead of at every one.
// Unchecked: used by one rebuild at a time (`LiveSite` holds its lock).
final class OutputWatch: @unchecked Sendable {
    private let watcher: ChangeWatcher
    private let root: String

    /// Watches `folder` and every folder in it; nil when it does not exist or cannot be watched
    /// whole.
    init?(folder: URL) {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard FileStatus.of(root)?.isDirectory == true, let watcher = ChangeWatcher(folders: [URL(fileURLWithPath: root)]), watcher.watchesEveryFolder
        else { return nil }
        self.watcher = watcher
        self.root = root
    }

    /// The paths reported since the last call, relative to the output folder; nil when the
    /// reports cannot be relied on: events were lost, a folder went unwatched, or the output
    /// folder itself was moved, removed or changed (then every file may have changed, and a new
    /// watch is needed).
    func changes() -> Set<String>? {
        let reported = watcher.pending()
        guard watcher.watchesEveryFolder, !reported.contains(root) else { return nil }
        var changes: Set<String> = []
        changes.reserveCapacity(reported.count)
        for path in reported {
            guard path.hasPrefix(root + "/") else { return nil }
            changes.insert(String(path.dropFirst(root.count + 1)))
        }
        return changes
    }
}
