import Foundation

/// What the last build wrote: path, content hash, size and modification time of each file,
/// kept in its `IncrementalState`.
///
/// It lets a rebuild skip unchanged files without reading them, and remove exactly the files
/// it no longer produces.
struct OutputManifest: Equatable {

    struct Entry: Equatable {
        var hash: UInt64
        var size: Int
        var modified: Double
        /// What the file was made from (see `RenderKeys`); 0 when not tracked.
        var key: UInt64 = 0

        /// Whether the file on disk (its `status`) is still the one this entry recorded.
        func isOnDisk(as status: FileStatus?) -> Bool {
            guard let status else { return false }
            return status.isRegular && status.size == size && status.modified == modified
        }
    }

    var entries: [String: Entry] = [:]

    /// The paths of the files in the folder at `path` that are not on disk as recorded (see
    /// `Entry.isOnDisk`): edited, replaced or removed since.
    func filesNotOnDisk(inFolder path: String, fileSystem: FileSystem) -> Set<String> {
        filesNotOnDisk(in: fileSystem.openFolder(path), fileSystem: fileSystem)
    }

    /// `filesNotOnDisk(inFolder:fileSystem:)` for a folder held open; with `paths`, only those
    /// of its files are looked at (the others are taken as on disk).
    func filesNotOnDisk(in root: OpenFolder, fileSystem: FileSystem, among paths: Set<String>? = nil) -> Set<String> {
        guard let paths else { return Set(entries.filter { !$0.value.isOnDisk(as: fileSystem.status($0.key, in: root)) }.keys) }
        return paths.filter { path in entries[path].map { !$0.isOnDisk(as: fileSystem.status(path, in: root)) } ?? false }
    }
    /// The `BuildDigest` of the inputs these files were made from, written in the same file so
    /// the two can never disagree (nil in manifests of builds that did not record one).
    var digest: UInt64?
}
