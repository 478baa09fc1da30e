import Foundation

/// What the image cache knows without reading an image or an entry: each source file's hash by
/// its status (size, time, inode), and each entry's sizes. A rebuild after a text edit then
/// neither reads nor hashes the site's photos, nor reads their processed files, unless a page
/// is written that needs their bytes. Kept beside the entries as `sources.index`; a missing or
/// damaged index only costs the next build the reading.
struct ImageCacheIndex: Sendable, Equatable {
    /// What the last build learned from reading one source file.
    struct Source: Sendable, Equatable {
        var fingerprint: ItemCache.Fingerprint
        var contentHash: UInt64
        var byteCount: Int
        var hasGPS: Bool
    }

    /// By the source's absolute path.
    var sources: [String: Source] = [:]
    /// An entry's image without its bytes, by cache key.
    var entries: [String: ProcessedImage] = [:]

    static let name = "sources.index"
    private static let magic = "newsroom-image-index 1"

    func encoded() -> Data {
        var lines = [Self.magic]
        for path in sources.keys.sorted() where !path.contains("\n") {
            let source = sources[path]!
            let fingerprint = source.fingerprint
            lines.append("S \(fingerprint.size) \(fingerprint.modified.bitPattern) \(fingerprint.inode) \(source.contentHash) \(source.byteCount) \(source.hasGPS ? 1 : 0) \(path)")
        }
        for key in entries.keys.sorted() {
            let image = entries[key]!
            var line = "E \(key) \(image.width) \(image.height) \(image.renditions.count)"
            for rendition in image.renditions { line += " \(rendition.name) \(rendition.width) \(rendition.height) \(rendition.byteCount)" }
            lines.append(line)
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The index, or nil when any line is not one this version writes.
    static func decode(_ text: String) -> ImageCacheIndex? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(magic) else { return nil }
        var index = ImageCacheIndex()
        for line in lines {
            if line.hasPrefix("S ") {
                let fields = line.split(separator: " ", maxSplits: 7)
                guard fields.count == 8, let size = Int(fields[1]), let bits = UInt64(fields[2]), let inode = UInt64(fields[3]),
                      let hash = UInt64(fields[4]), let count = Int(fields[5]), fields[6] == "0" || fields[6] == "1" else { return nil }
                let fingerprint = ItemCache.Fingerprint(size: size, modified: Double(bitPattern: bits), inode: inode)
                index.sources[String(fields[7])] = Source(fingerprint: fingerprint, contentHash: hash, byteCount: count, hasGPS: fields[6] == "1")
            } else if line.hasPrefix("E ") {
                let fields = line.split(separator: " ")
                guard fields.count >= 5, let width = Int(fields[2]), let height = Int(fields[3]), let count = Int(fields[4]),
                      count > 0, fields.count == 5 + 4 * count else { return nil }
                var renditions: [ImageRendition] = []
                for start in stride(from: 5, to: fields.count, by: 4) {
                    guard let w = Int(fields[start + 1]), let h = Int(fields[start + 2]), let bytes = Int(fields[start + 3]) else { return nil }
                    var rendition = ImageRendition(name: String(fields[start]), width: w, height: h, data: nil)
                    rendition.byteCount = bytes
                    renditions.append(rendition)
                }
                guard renditions[0].name == "main" else { return nil }
                index.entries[String(fields[1])] = ProcessedImage(width: width, height: height, renditions: renditions)
            } else {
                return nil
            }
        }
        return index
    }
}
