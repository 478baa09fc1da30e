import Foundation

/// Processed images kept between builds, outside the published files: one file per image,
/// named by the key of its source bytes, the operation and the encoders' versions. A build
/// reads the entries it needs, writes the ones it made, and afterwards removes every entry it
/// did not use, so the folder holds what the current site needs and nothing else.
struct ImageCache: Sendable {
    let files: CacheFolder
    var fileSystem: FileSystem { files.fileSystem }

    /// `writable` is false for `check`: it reads entries but writes nothing.
    init(folder: String, fileSystem: FileSystem, writable: Bool) {
        files = CacheFolder(path: folder, fileSystem: fileSystem, writable: writable)
    }

    /// `.newsroom-cache/<output folder's name>/images` (see `CacheFolder`).
    static func folder(besideOutput output: URL) -> String {
        CacheFolder.path(besideOutput: output, kind: "images")
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

    private static func name(_ key: String) -> String { key + ".image" }

    /// Whether an entry is stored under `key`, without reading it.
    func has(_ key: String) -> Bool {
        fileSystem.status(files.path + "/" + Self.name(key))?.isRegular == true
    }

    func readIndex() -> ImageCacheIndex {
        files.read(ImageCacheIndex.name).flatMap { ImageCacheIndex.decode(String(decoding: $0, as: UTF8.self)) } ?? ImageCacheIndex()
    }

    func write(_ index: ImageCacheIndex) {
        files.write(index.encoded(), as: ImageCacheIndex.name)
    }

    func read(_ key: String) -> ProcessedImage? {
        files.read(Self.name(key)).flatMap(ImageCacheEntry.decode)
    }

    /// Stores an entry (see `CacheFolder.write`). True when it is stored.
    @discardableResult
    func write(_ image: ProcessedImage, key: String) -> Bool {
        guard image.isLoaded else { return false }
        return files.write(ImageCacheEntry.encode(image), as: Self.name(key))
    }

    /// Removes every entry (and leftover temporary file) whose key is not in `used`.
    func removeAll(except used: Set<String>) {
        files.removeAll(withSuffix: ".image", except: used)
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
