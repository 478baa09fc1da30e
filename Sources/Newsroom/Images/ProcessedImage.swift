import Foundation

/// One published raster image as the build makes it: re-encoded upright with no metadata, in
/// narrower copies for `srcset`, and the size it is shown at. Independent of where it is
/// published, so the cache can hand it to any path with the same source bytes.
struct ProcessedImage: Sendable, Equatable {
    /// The upright size, in pixels.
    var width: Int
    var height: Int
    /// The files, by what they are (`ImageRendition.name`), the full-size one first.
    var renditions: [ImageRendition]

    /// The full-size file, in the source's format.
    var main: ImageRendition { renditions[0] }
    /// The narrower copies, narrowest first.
    var variants: [ImageRendition] { renditions.dropFirst().filter { $0.name != ImageRendition.socialName } }
    /// A hero's 1200×630 crop for shared links (Open Graph, Twitter, JSON-LD).
    var social: ImageRendition? { renditions.first { $0.name == ImageRendition.socialName } }

    /// Every rendition's bytes are here (not left in the cache).
    var isLoaded: Bool { renditions.allSatisfy { $0.data != nil } }

    /// The same image with its bytes left out: the catalog of a large site holds only sizes,
    /// and each file's bytes are read from the cache when it is written.
    var withoutData: ProcessedImage {
        var copy = self
        for index in copy.renditions.indices { copy.renditions[index].data = nil }
        return copy
    }
}

/// One encoded file of an image.
struct ImageRendition: Sendable, Equatable {
    /// `main`, or `480w.webp`, `480w.jpg` …: the output name's suffix.
    var name: String
    var width: Int
    var height: Int
    /// The encoded file; nil once left in the cache (see `ProcessedImage.withoutData`).
    var data: Data?
    /// The encoded file's size, kept when its bytes are left in the cache (a feed's enclosure
    /// gives it).
    var byteCount: Int

    init(name: String, width: Int, height: Int, data: Data?) {
        self.name = name
        self.width = width
        self.height = height
        self.data = data
        self.byteCount = data?.count ?? 0
    }

    var isWebP: Bool { name.hasSuffix(".webp") }

    static let socialName = "social.jpg"
}
