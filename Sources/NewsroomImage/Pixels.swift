import CImageCodec
import Glibc

/// Decoded pixels: RGB or RGBA rows, owned here and freed with the value.
// Unchecked: the buffer is written only while the value is made, then only read, so threads
// may share it.
public final class Pixels: @unchecked Sendable {
    let raw: nr_pixels

    init(_ raw: nr_pixels) {
        self.raw = raw
    }

    deinit {
        var raw = raw
        nr_pixels_free(&raw)
    }

    public var width: Int { Int(raw.width) }
    public var height: Int { Int(raw.height) }
    /// 3 (RGB) or 4 (RGBA).
    public var channels: Int { Int(raw.channels) }
    public var hasAlpha: Bool { channels == 4 }

    /// The pixel at `x`,`y` as bytes (R, G, B[, A]).
    public func pixel(x: Int, y: Int) -> [UInt8] {
        let start = (y * width + x) * channels
        return (0..<channels).map { raw.pixels[start + $0] }
    }

    /// Every alpha byte is 255 (always true without alpha).
    public var isOpaque: Bool {
        withUnsafePointer(to: raw) { nr_is_opaque($0) != 0 }
    }

    /// Makes pixels from `bytes` (rows of `width * channels`), for tests and generated images.
    public convenience init(width: Int, height: Int, channels: Int, bytes: [UInt8]) {
        precondition(bytes.count == width * height * channels && (channels == 3 || channels == 4))
        // malloc'd, as nr_pixels_free calls free().
        let owned = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: UInt8.self)
        bytes.withUnsafeBufferPointer { owned.update(from: $0.baseAddress!, count: bytes.count) }
        self.init(nr_pixels(width: Int32(width), height: Int32(height), channels: Int32(channels), pixels: owned))
    }
}
