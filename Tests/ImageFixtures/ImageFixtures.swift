import CImageFixtures
import Foundation
import NewsroomImage

/// Images made for tests with the codecs themselves: nothing downloaded, nothing large committed.
public enum ImageFixtures {
    /// A JPEG as a phone writes it: stored landscape `width`×`height`, red in its stored
    /// top-left quarter, with EXIF `orientation`; with `private` also GPS coordinates, the
    /// owner's name (EXIF Artist, Copyright, camera owner), XMP, IPTC and a comment.
    public static func phoneJPEG(width: Int = 400, height: Int = 300, orientation: Int = 6, private: Bool = true) -> Data {
        var size = 0
        let bytes = nrf_phone_jpeg(Int32(width), Int32(height), Int32(orientation), `private` ? 1 : 0, &size)!
        defer { free(bytes) }
        return Data(bytes: bytes, count: size)
    }

    /// A PNG with a transparent left half and an opaque orange right half.
    public static func pngWithAlpha(width: Int = 64, height: Int = 48) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height * 4)
        for _ in 0..<height {
            for x in 0..<width { bytes += x < width / 2 ? [0, 0, 255, 0] : [255, 128, 0, 255] }
        }
        return try! ImageCodec.encode(Pixels(width: width, height: height, channels: 4, bytes: bytes), as: .png)
    }

    /// An opaque image in `format`, a horizontal gradient.
    public static func plain(_ format: ImageFormat, width: Int = 64, height: Int = 48) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width { bytes += [UInt8(x * 255 / max(width - 1, 1)), UInt8(y * 255 / max(height - 1, 1)), 90] }
        }
        return try! ImageCodec.encode(Pixels(width: width, height: height, channels: 3, bytes: bytes), as: format)
    }

    /// The first `fraction` of a JPEG: a photo whose upload was cut off.
    public static func truncatedJPEG() -> Data {
        let whole = phoneJPEG(width: 160, height: 120, orientation: 1, private: false)
        return whole.prefix(whole.count * 2 / 3)
    }

    /// A PNG whose header claims `width`×`height` (a decompression bomb) and holds no pixels.
    public static func bombPNG(width: UInt32 = 100_000, height: UInt32 = 100_000) -> Data {
        func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
        }
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", []))
    }

    /// PNG's CRC-32.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Byte sequences that betray metadata: EXIF's header, XMP's namespace, IPTC's block name,
    /// and the fixture's owner name and comment.
    public static let telltales: [(String, [UInt8])] = [
        ("Exif\\0\\0", Array("Exif".utf8) + [0, 0]),
        ("XMP", Array("http://ns.adobe.com/xap/1.0/".utf8)),
        ("IPTC", Array("Photoshop 3.0".utf8)),
        ("owner", Array("Ana Example".utf8)),
        ("comment", Array("shelter".utf8)),
    ]

    /// The names of the telltales found in `data`.
    public static func telltales(in data: Data) -> [String] {
        let bytes = [UInt8](data)
        return telltales.filter { _, needle in
            guard bytes.count >= needle.count else { return false }
            return (0...(bytes.count - needle.count)).contains { start in bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) }
        }.map(\.0)
    }
}
