import Foundation

/// Every raster image the build publishes, processed: by the output path the site gives it.
struct ImageCatalog: Sendable {
    var images: [String: ProcessedImage] = [:]
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

    /// The files of the image at `path`, or nil when it is not a processed image.
    func files(for path: String) -> [OutputFile]? {
        guard let image = images[path] else { return nil }
        return image.renditions.map { OutputFile(path: Self.path(of: $0, for: path), content: .data($0.data)) }
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
