import Foundation

/// Whole files read for loading, through the build's file system (see `FileSystem.read`).
enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be opened or read.
    static func read(_ path: String, fileSystem: FileSystem) -> Data? {
        fileSystem.read(path)
    }
}
