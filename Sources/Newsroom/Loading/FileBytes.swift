import Foundation

/// Whole files read for loading, through the local file system (see `FileSystem.read`).
enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be opened or read.
    static func read(_ path: String) -> Data? {
        FileSystem.local.read(path)
    }
}
