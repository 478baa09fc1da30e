import Foundation

/// Processed images kept between builds, outside the published files: one file per image,
/// named by the key of its source bytes, the operation and the encoders' versions. A build
/// reads the entries it needs, writes the ones it made, and afterwards removes every entry it
/// did not use, so the folder holds what the current site needs and nothing else.
struct ImageCache: Sendable {
    /// Absolute path of the folder (made when the first entry is written).
    var folder: String
    var fileSystem: FileSystem
    /// False for `check`: it reads entries but writes nothing.
    var writable: Bool

    /// `.newsroom-cache/<output folder's name>/images` in the folder that holds the output
    /// folder: two sites built side by side (`public-en`, `public-ro`) each keep their own, so
    /// neither removes the other's entries as unused.
    static func folder(besideOutput output: URL) -> String {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".newsroom-cache").appendingPathComponent(output.lastPathComponent).appendingPathComponent("images").path
    }

    static func key(of bytes: Data, operation: ImageOperation, social: ImageFocus?, keepsOriginal: Bool = false) -> String {
        key(contentHash: ContentHash.of(bytes), byteCount: bytes.count, operation: operation, social: social, keepsOriginal: keepsOriginal)
    }

    /// The key of source bytes known by their hash and size (see `ImageCacheIndex`).
    static func key(contentHash: UInt64, byteCount: Int, operation: ImageOperation, social: ImageFocus?, keepsOriginal: Bool = false) -> String {
        var hasher = KeyHasher()
        hasher.combine(contentHash)
        hasher.combine(byteCount)
        hasher.combine(operation.descriptor)
        hasher.combine(social.map { "social \($0.x) \($0.y)" } ?? "")
        hasher.combine(keepsOriginal)
        return String(hasher.value, radix: 16)
    }

    private func path(_ key: String) -> String { folder + "/" + key + ".image" }

    /// Whether an entry is stored under `key`, without reading it.
    func has(_ key: String) -> Bool {
        fileSystem.status(path(key))?.isRegular == true
    }

    func readIndex() -> ImageCacheIndex {
        ImageCacheIndex.read(in: folder, fileSystem: fileSystem)
    }

    /// Replaces the index (under a temporary name, then renamed). A failure only costs the next
    /// build the reading.
    func write(_ index: ImageCacheIndex) {
        guard writable else { return }
        let temporary = folder + "/." + ImageCacheIndex.name + ".\(fileSystem.processID()).tmp"
        do {
            if fileSystem.status(folder, following: true)?.isDirectory != true { try fileSystem.makeFolders(folder) }
            try fileSystem.write(index.encoded(), to: temporary)
            try fileSystem.rename(temporary, folder + "/" + ImageCacheIndex.name, .working)
        } catch {
            _ = fileSystem.remove(temporary, .working, false)
        }
    }

    func read(_ key: String) -> ProcessedImage? {
        guard let data = fileSystem.read(path(key)) else { return nil }
        return ImageCacheEntry.decode(data)
    }

    /// Stores an entry under a temporary name and renames it, so a killed build leaves no
    /// half-written entry under a real name. A failure only costs the next build the work.
    /// True when the entry is stored.
    @discardableResult
    func write(_ image: ProcessedImage, key: String) -> Bool {
        guard writable, image.isLoaded else { return false }
        let temporary = folder + "/." + key + ".\(fileSystem.processID()).tmp"
        do {
            if fileSystem.status(folder, following: true)?.isDirectory != true { try fileSystem.makeFolders(folder) }
            try fileSystem.write(ImageCacheEntry.encode(image), to: temporary)
            try fileSystem.rename(temporary, path(key), .working)
            return true
        } catch {
            _ = fileSystem.remove(temporary, .working, false)
            return false
        }
    }

    /// Removes every entry (and leftover temporary file) whose key is not in `used`.
    func removeAll(except used: Set<String>) {
        guard writable, let names = fileSystem.list(folder) else { return }
        for (name, _) in names {
            let isEntry = name.hasSuffix(".image") && !name.hasPrefix(".")
            if isEntry, used.contains(String(name.dropLast(".image".count))) { continue }
            guard isEntry || name.hasSuffix(".tmp") else { continue }
            _ = fileSystem.remove(folder + "/" + name, .working, false)
        }
    }
}

/// The bytes of one cache entry: a header line, then each rendition's line and bytes.
enum ImageCacheEntry {
    private static let magic = "newsroom-image 1"

    static func encode(_ image: ProcessedImage) -> Data {
        var data = Data("\(magic) \(image.width) \(image.height) \(image.renditions.count)\n".utf8)
        for rendition in image.renditions {
            let bytes = rendition.data ?? Data()
            data.append(Data("\(rendition.name) \(rendition.width) \(rendition.height) \(bytes.count)\n".utf8))
            data.append(bytes)
        }
        return data
    }

    /// The entry, or nil when it is damaged or of another version (then the image is made again).
    static func decode(_ data: Data) -> ProcessedImage? {
        var offset = data.startIndex
        func line() -> [Substring]? {
            guard let end = data[offset...].firstIndex(of: 0x0A) else { return nil }
            let text = String(decoding: data[offset..<end], as: UTF8.self)
            offset = end + 1
            return text.split(separator: " ")
        }
        guard let head = line(), head.count == 5, head[0...1].joined(separator: " ") == magic,
              let width = Int(head[2]), let height = Int(head[3]), let count = Int(head[4]), count > 0 else { return nil }
        var renditions: [ImageRendition] = []
        for _ in 0..<count {
            guard let fields = line(), fields.count == 4, let w = Int(fields[1]), let h = Int(fields[2]), let size = Int(fields[3]),
                  size >= 0, data.endIndex - offset >= size else { return nil }
            renditions.append(ImageRendition(name: String(fields[0]), width: w, height: h, data: Data(data[offset..<(offset + size)])))
            offset += size
        }
        guard offset == data.endIndex, renditions[0].name == "main" else { return nil }
        return ProcessedImage(width: width, height: height, renditions: renditions)
    }
}
