import Foundation
import NewsroomFeeds

/// Items' hero images as feeds carry them: an absolute URL, the media type and, for the site's
/// own files, the size of the published file (RSS enclosures need it).
struct FeedImages {
    private let renderer: SiteRenderer
    /// Output path → the file it is copied from.
    private let sources: [String: URL]

    init(renderer: SiteRenderer) {
        self.renderer = renderer
        var sources: [String: URL] = [:]
        for copy in renderer.plan.copies { sources[copy.outputPath] = copy.sourceURL }
        self.sources = sources
    }

    func image(of position: Int) -> FeedImage? {
        let plan = renderer.plan
        guard position < plan.itemImages.count, let target = plan.itemImages[position], let alt = plan.items[position].image?.alt else { return nil }
        switch target {
        case .file(let file, let suffix):
            // A processed image is announced by its social crop (a JPEG of a known size, made
            // for sharing) or else its re-encoded full size; anything else is copied as it is.
            if let processed = renderer.images.images[file] {
                let rendition = processed.social ?? processed.main
                let path = ImageCatalog.path(of: rendition, for: file)
                return FeedImage(url: renderer.linker.absolute(path), mediaType: FeedImage.mediaType(ofPath: path), length: rendition.byteCount, alt: alt)
            }
            let length = sources[file].flatMap { renderer.source.fileSystem.status($0.path, following: true)?.size }
            return FeedImage(url: renderer.linker.absolute(file) + suffix, mediaType: FeedImage.mediaType(ofPath: file), length: length, alt: alt)
        case .external(let url):
            let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
            return FeedImage(url: url, mediaType: FeedImage.mediaType(ofPath: path), length: nil, alt: alt)
        }
    }

    /// What the feeds' cache key must cover of an item's image: the published file's size.
    func keyPart(of position: Int) -> String {
        guard let image = image(of: position) else { return "" }
        return image.url + " " + String(image.length ?? -1)
    }
}
