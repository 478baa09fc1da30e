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
    }

    var entries: [String: Entry] = [:]

    static func read(in folder: URL) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let text = String(data: data, encoding: .utf8)
        else { return nil }
        var manifest = OutputManifest()
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 4)
            guard parts.count == 5, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]), let modified = Double(parts[2]),
                  let key = UInt64(parts[3], radix: 16)
            else { continue }
            manifest.entries[String(parts[4])] = Entry(hash: hash, size: size, modified: modified, key: key)
        }
        return manifest
    }

    var serialised: Data {
        var text = "newsroom-manifest 2\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            text += "\(String(entry.hash, radix: 16))\t\(entry.size)\t\(entry.modified)\t\(String(entry.key, radix: 16))\t\(path)\n"
        }
        return Data(text.utf8)
    }
}

/// 64-bit FNV-1a: fast, and enough to tell whether a file's bytes changed. Unlike Swift's
/// `Hasher` it is the same in every run, so it can be stored.
enum ContentHash {
    static func of(_ data: Data) -> UInt64 {
        var hasher = KeyHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.value
    }
}

/// Builds a stable 64-bit key from values, for the incremental build's cache.
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
