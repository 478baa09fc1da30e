import Foundation

/// Whole files read for loading, through the build's file system (see `FileSystem.read`).
enum FileBytes {
    /// The bytes of the file at `path`, or nil when it cannot be opened or read.
    static func read(_ path: String, fileSystem: FileSystem) -> Data? {
        fileSystem.read(path)
    }

    /// The bytes with the file's status as it was opened (see `FileSystem.read`).
    static func readWithStatus(_ path: String, fileSystem: FileSystem) -> (data: Data, status: FileStatus)? {
        fileSystem.read(path, .working)
    }
}
