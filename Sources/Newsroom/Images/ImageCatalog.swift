import Foundation
import NewsroomImage

/// Every raster image the build publishes, processed: by the output path the site gives it.
/// It holds sizes and names; the files' bytes stay in the cache until each is written.
struct ImageCatalog: Sendable {
    var images: [String: ProcessedImage] = [:]
    /// Each image's cache key.
    var keys: [String: String] = [:]
    /// Each image's source file and the format its name says, to make it again should its cache
    /// entry be gone by the time it is written.
    var sources: [String: (url: URL, declared: ImageFormat, social: ImageFocus?, keepsOriginal: Bool)] = [:]
    var cache: ImageCache?
    var operation = ImageOperation()
    /// The cache entries this build used, to keep (the rest are removed after it).
    var usedKeys: Set<String> = []
    /// How many images were encoded, rather than taken from the cache.
    var encodedCount = 0

    /// The output path of a rendition of the image published at `path`: the image itself for
    /// `main`, else beside it (`photo.jpg` → `photo-480w.webp`).
    static func path(of rendition: ImageRendition, for path: String) -> String {
        guard rendition.name != "main" else { return path }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        return String(path[..<slash]) + stem + "-" + rendition.name
    }

    /// The files of the image at `path` (nil when it is not a processed image): each kept as
    /// the previous build wrote it when `isFresh` says it was made from the same key, else its
    /// bytes, read from the cache.
    func files(for path: String, isFresh: (@Sendable (String, UInt64) -> Bool)?) throws(ImageError) -> [OutputFile]? {
        guard let image = images[path], let key = keys[path] else { return nil }
        var loaded: ProcessedImage? = image.isLoaded ? image : nil
        var files: [OutputFile] = []
        for (index, rendition) in image.renditions.enumerated() {
            let output = Self.path(of: rendition, for: path)
            var hasher = KeyHasher()
            hasher.combine(key)
            hasher.combine(rendition.name)
            if let isFresh, isFresh(output, hasher.value) {
                files.append(OutputFile(path: output, content: .kept))
                continue
            }
            if loaded == nil { loaded = try load(path, key: key) }
            guard let data = loaded?.renditions[index].data else { throw ImageError("its processed files are missing") }
            files.append(OutputFile(path: output, content: .data(data), cacheKey: hasher.value))
        }
        return files
    }

    /// The image's files from the cache, or made again from the source.
    private func load(_ path: String, key: String) throws(ImageError) -> ProcessedImage {
        if let cached = cache?.read(key), cached.renditions.count == images[path]?.renditions.count { return cached }
        guard let source = sources[path], let bytes = cache?.fileSystem.read(source.url.path) else { throw ImageError("cannot read the file") }
        return try operation.process(bytes, declared: source.declared, social: source.social, keepsOriginal: source.keepsOriginal)
    }

    /// Every output path and size, hashed: pages showing images depend on it (their `width`,
    /// `height` and `srcset`).
    var digest: UInt64 {
        var hasher = KeyHasher()
        for path in images.keys.sorted() {
            let image = images[path]!
            hasher.combine(path)
            for rendition in image.renditions { hasher.combine("\(rendition.name) \(rendition.width) \(rendition.height)") }
        }
        return hasher.value
    }
}
