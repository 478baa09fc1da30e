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
    /// The `BuildDigest` of the inputs these files were made from, written in the same file so
    /// the two can never disagree (nil in manifests of builds that did not record one).
    var digest: UInt64?
}

/// Builds a stable 64-bit key from values, for the incremental build's cache: 64-bit FNV-1a,
/// which unlike Swift's `Hasher` is the same in every run, so keys can be stored.
struct KeyHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        value = hash
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine(separator: 0xFF)
    }

    mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ flag: Bool) { combine(separator: flag ? 1 : 0) }

    private mutating func combine(separator: UInt8) {
        value ^= UInt64(separator)
        value = value &* 0x100_0000_01b3
    }
}
