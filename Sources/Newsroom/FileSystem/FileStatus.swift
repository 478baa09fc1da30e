import Foundation

/// What `stat(2)` says of a file, without Foundation's extras (its attribute dictionaries look
/// up owner names, which costs more than writing the file).
struct FileStatus: Equatable, Sendable {
    var size: Int
    /// Modification time, seconds since 1970 with nanoseconds.
    var modified: Double
    var isRegular: Bool
    var isDirectory: Bool
    var inode: UInt64 = 0

    /// The status of `path` on the local file system, or with `following` of what a symbolic
    /// link leads to.
    static func of(_ path: String, following: Bool = false) -> FileStatus? {
        FileSystem.local.status(path, following: following)
    }
}
