import Foundation

/// What the last build wrote: path, content hash, size and modification time of each file.
///
/// Its presence marks a folder as `generate`'s own; it lets a rebuild skip unchanged files
/// without reading them, and remove exactly the files it no longer produces.
struct OutputManifest: Equatable {
    static let fileName = ".newsroom-manifest"

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

    static func read(in folder: URL) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        let bytes = [UInt8](data)
        var manifest = OutputManifest()
        manifest.entries.reserveCapacity(bytes.count / 60)
        // Tab-separated lines after a header line; parsed byte by byte (manifests hold 10,000s of lines).
        let headerEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
        let header = String(decoding: bytes[..<headerEnd], as: UTF8.self)
        if let range = header.range(of: " digest=") {
            manifest.digest = UInt64(header[range.upperBound...], radix: 16)
        }
        var index = headerEnd + 1
        while index < bytes.count {
            var fields: [Range<Int>] = []
            var start = index
            while index < bytes.count, bytes[index] != 0x0A {
                if bytes[index] == 0x09, fields.count < 4 {
                    fields.append(start..<index)
                    start = index + 1
                }
                index += 1
            }
            fields.append(start..<index)
            index += 1
            guard fields.count == 5,
                  let hash = UInt64(String(decoding: bytes[fields[0]], as: UTF8.self), radix: 16),
                  let size = Int(String(decoding: bytes[fields[1]], as: UTF8.self)),
                  let modified = Double(String(decoding: bytes[fields[2]], as: UTF8.self)),
                  let key = UInt64(String(decoding: bytes[fields[3]], as: UTF8.self), radix: 16)
            else { continue }
            let path = TabSeparated.unescape(Substring(String(decoding: bytes[fields[4]], as: UTF8.self)))
            manifest.entries[path] = Entry(hash: hash, size: size, modified: modified, key: key)
        }
        return manifest
    }

    var serialised: Data {
        var text = "newsroom-manifest 2" + (digest.map { " digest=" + String($0, radix: 16) } ?? "") + "\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            text += "\(String(entry.hash, radix: 16))\t\(entry.size)\t\(entry.modified)\t\(String(entry.key, radix: 16))\t\(TabSeparated.escape(path))\n"
        }
        return Data(text.utf8)
    }
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
