import CImageCodec
import Foundation

/// Why an image cannot be read or written, in words for an author.
public struct ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What an image's header says, read without decoding its pixels.
public struct ImageHeader: Equatable, Sendable {
    public var format: ImageFormat
    /// As stored, before the orientation is applied.
    public var storedWidth: Int
    public var storedHeight: Int
    /// EXIF orientation, 1–8 (1: as stored).
    public var orientation: Int
    public var hasAlpha: Bool

    public init(format: ImageFormat, storedWidth: Int, storedHeight: Int, orientation: Int, hasAlpha: Bool) {
        self.format = format
        self.storedWidth = storedWidth
        self.storedHeight = storedHeight
        self.orientation = orientation
        self.hasAlpha = hasAlpha
    }

    /// The size the image is shown at, once turned upright.
    public var width: Int { orientation >= 5 ? storedHeight : storedWidth }
    public var height: Int { orientation >= 5 ? storedWidth : storedHeight }
    public var pixelCount: Int { storedWidth * storedHeight }
}

/// The only user of libjpeg-turbo, libpng, libwebp and libexif: reading an image's header,
/// decoding it upright, scaling and cutting pixels, and encoding them with nothing but pixels.
public enum ImageCodec {
    /// The encoders' versions and the scaling method: part of every cache key, so an upgrade
    /// makes every image again.
    public static let versions = String(cString: nr_codec_versions())

    /// Reads the header of `bytes`, whose format is sniffed from its first bytes.
    public static func header(of bytes: Data) throws(ImageError) -> ImageHeader {
        guard case .raster(let format) = SniffedFormat(bytes) else { throw ImageError("not a JPEG, PNG or WebP image") }
        var width: Int32 = 0, height: Int32 = 0, alpha: Int32 = 0
        let status = call(bytes) { data, count, error, size in
            switch format {
            case .jpeg: nr_jpeg_size(data, count, &width, &height, error, size)
            case .png: nr_png_size(data, count, &width, &height, &alpha, error, size)
            case .webp: nr_webp_size(data, count, &width, &height, &alpha, error, size)
            }
        }
        if let status { throw ImageError("unreadable \(format.name): \(status)") }
        guard width > 0, height > 0 else { throw ImageError("the \(format.name) declares no pixels") }
        let orientation = ImageMetadata.exifBlock(in: bytes, format: format).map { block in
            block.withUnsafeBytes { Int(nr_exif_orientation($0.bindMemory(to: UInt8.self).baseAddress, $0.count)) }
        } ?? 1
        return ImageHeader(format: format, storedWidth: Int(width), storedHeight: Int(height), orientation: orientation, hasAlpha: alpha != 0)
    }

    /// Decodes `bytes` (described by `header`) upright. With `atLeastWidth`, a JPEG is shrunk
    /// in its decoder by the largest power of two that keeps the upright width at least that.
    public static func decode(_ bytes: Data, header: ImageHeader, atLeastWidth: Int? = nil) throws(ImageError) -> Pixels {
        var raw = nr_pixels()
        let status = call(bytes) { data, count, error, size in
            switch header.format {
            case .jpeg:
                var denominator: Int32 = 1
                if let atLeastWidth {
                    while denominator < 8, (header.width + Int(denominator) * 2 - 1) / (Int(denominator) * 2) >= atLeastWidth { denominator *= 2 }
                }
                return nr_jpeg_decode(data, count, denominator, &raw, error, size)
            case .png: return nr_png_decode(data, count, &raw, error, size)
            case .webp: return nr_webp_decode(data, count, &raw, error, size)
            }
        }
        if let status { throw ImageError("corrupt or truncated \(header.format.name): \(status)") }
        let pixels = Pixels(raw)
        guard header.orientation != 1 else { return pixels }
        return try transform(pixels) { source, out, error, size in nr_orient(source, Int32(header.orientation), out, error, size) }
    }

    /// `pixels` scaled to `width`×`height` (no larger than they are) by area averaging.
    public static func resized(_ pixels: Pixels, width: Int, height: Int) throws(ImageError) -> Pixels {
        guard width != pixels.width || height != pixels.height else { return pixels }
        guard width <= pixels.width, height <= pixels.height, width > 0, height > 0 else { throw ImageError("cannot scale up") }
        return try transform(pixels) { source, out, error, size in nr_resize(source, Int32(width), Int32(height), out, error, size) }
    }

    /// The rectangle of `pixels` at `x`,`y`.
    public static func cropped(_ pixels: Pixels, x: Int, y: Int, width: Int, height: Int) throws(ImageError) -> Pixels {
        try transform(pixels) { source, out, error, size in nr_crop(source, Int32(x), Int32(y), Int32(width), Int32(height), out, error, size) }
    }

    /// `pixels` without the alpha channel.
    public static func opaque(_ pixels: Pixels) throws(ImageError) -> Pixels {
        guard pixels.hasAlpha else { return pixels }
        return try transform(pixels) { source, out, error, size in nr_drop_alpha(source, out, error, size) }
    }

    /// Encodes `pixels` in `format` with no metadata at all. JPEG drops alpha (callers choose
    /// PNG for images that have it).
    public static func encode(_ pixels: Pixels, as format: ImageFormat, quality: Int = 82) throws(ImageError) -> Data {
        let source = format == .jpeg ? try opaque(pixels) : pixels
        var bytes = nr_bytes()
        var message = [CChar](repeating: 0, count: 256)
        let status = withUnsafePointer(to: source.raw) { raw in
            switch format {
            case .jpeg: nr_jpeg_encode(raw, Int32(quality), &bytes, &message, message.count)
            case .png: nr_png_encode(raw, &bytes, &message, message.count)
            case .webp: nr_webp_encode(raw, Int32(quality), &bytes, &message, message.count)
            }
        }
        guard status == 0, let data = bytes.data else { throw ImageError("cannot encode \(format.name): \(String(cString: message))") }
        defer { nr_bytes_free(&bytes) }
        return Data(bytes: data, count: bytes.size)
    }

    private static func transform(_ pixels: Pixels, _ body: (UnsafePointer<nr_pixels>, UnsafeMutablePointer<nr_pixels>, UnsafeMutablePointer<CChar>, Int) -> Int32) throws(ImageError) -> Pixels {
        var out = nr_pixels()
        var message = [CChar](repeating: 0, count: 256)
        let status = withUnsafePointer(to: pixels.raw) { body($0, &out, &message, message.count) }
        guard status == 0 else { throw ImageError(String(cString: message)) }
        return Pixels(out)
    }

    /// Runs a C call on the bytes of `data`; the error message, or nil on success.
    private static func call(_ data: Data, _ body: (UnsafePointer<UInt8>, Int, UnsafeMutablePointer<CChar>, Int) -> Int32) -> String? {
        var message = [CChar](repeating: 0, count: 256)
        let status = data.withUnsafeBytes { buffer -> Int32 in
            guard let base = buffer.bindMemory(to: UInt8.self).baseAddress else { return -1 }
            return body(base, buffer.count, &message, message.count)
        }
        guard status != 0 else { return nil }
        let text = String(cString: message)
        return text.isEmpty ? "no data" : text
    }
}

extension ImageFormat {
    /// The name an author knows it by.
    public var name: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        }
    }
}
