import Foundation
import NewsroomImage

/// What the build does to every raster image, as settings that go into the cache key: the same
/// source bytes with the same operation and encoders give the same files.
struct ImageOperation: Sendable {
    /// Widths of the narrower copies, each made only when the image is wider.
    var widths = [480, 800, 1200, 1600]
    var jpegQuality = 82
    var webpQuality = 80
    /// Images with more pixels are refused (a decompression bomb declares billions).
    var maxPixels = 50_000_000
    /// The site publishes originals as they are (`images.originals`), except those with GPS.
    var keepsOriginals = false

    init(settings: SiteConfig.ImageSettings = SiteConfig.ImageSettings()) {
        maxPixels = settings.maxMegapixels * 1_000_000
        keepsOriginals = settings.keepsOriginals
    }

    /// The largest 1200:630 rectangle of `pixels` centred as near `focus` as the edges allow,
    /// scaled to 1200×630 (left smaller when the image is), as JPEG.
    func socialCrop(of pixels: Pixels, around focus: ImageFocus) throws(ImageError) -> ImageRendition {
        let (ratioWidth, ratioHeight) = (1200, 630)
        var width = pixels.width, height = pixels.width * ratioHeight / ratioWidth
        if height > pixels.height {
            height = pixels.height
            width = min(pixels.width, pixels.height * ratioWidth / ratioHeight)
        }
        func start(_ centre: Double, _ size: Int, _ whole: Int) -> Int {
            min(max(0, Int((centre * Double(whole)).rounded()) - size / 2), whole - size)
        }
        let cut = try ImageCodec.cropped(pixels, x: start(focus.x, width, pixels.width), y: start(focus.y, height, pixels.height), width: width, height: height)
        let scaledWidth = min(width, ratioWidth)
        let scaledHeight = max(1, height * scaledWidth / width)
        let scaled = try ImageCodec.resized(cut, width: scaledWidth, height: scaledHeight)
        let data = try ImageCodec.encode(scaled, as: .jpeg, quality: jpegQuality)
        return ImageRendition(name: ImageRendition.socialName, width: scaledWidth, height: scaledHeight, data: data)
    }

    /// The operation's part of a cache key.
    var descriptor: String {
        "widths=\(widths.map(String.init).joined(separator: ",")) cascade=1 webp-method=2 jpeg=\(jpegQuality) webp=\(webpQuality) max=\(maxPixels) originals=\(keepsOriginals) \(ImageCodec.versions)"
    }

    /// Makes the files of one image from its bytes; `declared` is the format its extension names.
    /// `social`: the image is a hero; a 1200×630 crop around that point is made for shared links.
    /// `keepsOriginal`: the item asks for its images as they are (`original_images`).
    func process(_ bytes: Data, declared: ImageFormat, social: ImageFocus? = nil, keepsOriginal: Bool = false) throws(ImageError) -> ProcessedImage {
        switch SniffedFormat(bytes) {
        case .raster(let format) where format == declared: break
        case .raster(let format): throw ImageError("the file is named as \(declared.name) but holds \(format.name)")
        case .unsupported(let name): throw ImageError("the file is named as \(declared.name) but holds \(name), which is not published (convert it to JPEG, PNG or WebP)")
        case .unknown: throw ImageError("the file is named as \(declared.name) but is not an image")
        }
        let header = try ImageCodec.header(of: bytes)
        guard header.pixelCount <= maxPixels else {
            throw ImageError("\(header.storedWidth)×\(header.storedHeight) pixels is over the limit of \(maxPixels / 1_000_000) megapixels")
        }
        let pixels = try ImageCodec.decode(bytes, header: header)
        // Alpha that is all opaque is dropped, so a PNG screenshot's copies can be JPEG.
        let keepsAlpha = pixels.hasAlpha && !pixels.isOpaque
        let upright = keepsAlpha ? pixels : try ImageCodec.opaque(pixels)
        let mainQuality = declared == .webp ? webpQuality : jpegQuality
        let original = (keepsOriginals || keepsOriginal) && !ImageMetadata.scan(bytes).hasGPS ? bytes : nil
        let main: Data
        if let original { main = original } else { main = try ImageCodec.encode(upright, as: declared, quality: mainQuality) }
        var renditions = [ImageRendition(name: "main", width: upright.width, height: upright.height, data: main)]
        let fallback: ImageFormat = keepsAlpha ? .png : .jpeg
        // Widest first, each scaled from the smallest image made so far at least twice as wide
        // (else the whole image): averaging over a smaller image gives the same pixels for less.
        var made: [Pixels] = []
        var copies: [ImageRendition] = []
        for width in widths.sorted(by: >) where width < upright.width {
            let height = max(1, (upright.height * width + upright.width / 2) / upright.width)
            let source = made.last { $0.width >= width * 2 } ?? upright
            let scaled = try ImageCodec.resized(source, width: width, height: height)
            made.append(scaled)
            copies.insert(ImageRendition(name: "\(width)w.\(fallback.fileExtension)", width: width, height: height, data: try ImageCodec.encode(scaled, as: fallback, quality: jpegQuality)), at: 0)
            copies.insert(ImageRendition(name: "\(width)w.webp", width: width, height: height, data: try ImageCodec.encode(scaled, as: .webp, quality: webpQuality)), at: 0)
        }
        renditions += copies
        // Up to the widest copy, WebP is offered at the full width too (the fallback is the image).
        if let widest = widths.max(), upright.width <= widest {
            renditions.append(ImageRendition(name: "\(upright.width)w.webp", width: upright.width, height: upright.height, data: try ImageCodec.encode(upright, as: .webp, quality: webpQuality)))
        }
        if let social {
            renditions.append(try socialCrop(of: upright, around: social))
        }
        return ProcessedImage(width: upright.width, height: upright.height, renditions: renditions)
    }
}
