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
    }

    var entries: [String: Entry] = [:]

    static func read(in folder: URL) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let text = String(data: data, encoding: .utf8)
        else { return nil }
        var manifest = OutputManifest()
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 3)
            guard parts.count == 4, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]), let modified = Double(parts[2])
            else { continue }
            manifest.entries[String(parts[3])] = Entry(hash: hash, size: size, modified: modified)
        }
        return manifest
    }

    var serialised: Data {
        var text = "newsroom-manifest 1\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            text += "\(String(entry.hash, radix: 16))\t\(entry.size)\t\(entry.modified)\t\(path)\n"
        }
        return Data(text.utf8)
    }
}

/// 64-bit FNV-1a: fast, and enough to tell whether a file's bytes changed.
enum ContentHash {
    static func of(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return hash
    }
}
