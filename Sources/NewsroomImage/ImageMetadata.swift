import CImageCodec
import Foundation

/// The metadata an image file carries besides its pixels: where it is, and what it gives away.
public struct ImageMetadata: Equatable, Sendable {
    /// GPS coordinates (EXIF's GPS block, or XMP's `exif:GPS…` properties).
    public var hasGPS = false
    /// A person: EXIF Artist, Copyright, camera owner or body serial number; XMP creator/rights.
    public var hasOwner = false
    public var hasEXIF = false
    public var hasXMP = false
    /// IPTC (Photoshop's image resources block).
    public var hasIPTC = false
    /// Text comments (JPEG COM, PNG tEXt/zTXt/iTXt).
    public var hasComment = false

    public var isEmpty: Bool { !(hasGPS || hasOwner || hasEXIF || hasXMP || hasIPTC || hasComment) }

    /// Reads the metadata blocks of a JPEG, PNG or WebP file (anything else: none).
    public static func scan(_ bytes: Data) -> ImageMetadata {
        var found = ImageMetadata()
        guard case .raster(let format) = SniffedFormat(bytes) else { return found }
        for block in blocks(in: bytes, format: format) {
            switch block.kind {
            case .exif:
                found.hasEXIF = true
                let findings = block.payload.withUnsafeBytes { nr_exif_findings($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
                if findings & Int32(NR_EXIF_HAS_GPS) != 0 { found.hasGPS = true }
                if findings & Int32(NR_EXIF_HAS_OWNER) != 0 { found.hasOwner = true }
            case .xmp:
                found.hasXMP = true
                let text = String(decoding: block.payload, as: UTF8.self)
                if text.contains("exif:GPS") || text.contains("GPSLatitude") { found.hasGPS = true }
                if ["dc:creator", "dc:rights", "photoshop:Credit", "xmpRights:Owner", "aux:SerialNumber"].contains(where: text.contains) { found.hasOwner = true }
            case .iptc:
                found.hasIPTC = true
                found.hasOwner = true
            case .comment:
                found.hasComment = true
            }
        }
        return found
    }

    /// The EXIF block (starting `Exif\0\0`) of an image, as libexif reads it.
    static func exifBlock(in bytes: Data, format: ImageFormat) -> Data? {
        blocks(in: bytes, format: format).first { $0.kind == .exif }?.payload
    }

    struct Block {
        enum Kind { case exif, xmp, iptc, comment }
        var kind: Kind
        var payload: Data
    }

    static func blocks(in bytes: Data, format: ImageFormat) -> [Block] {
        let data = [UInt8](bytes)
        switch format {
        case .jpeg: return jpegBlocks(data)
        case .png: return pngBlocks(data)
        case .webp: return webpBlocks(data)
        }
    }

    private static let exifHeader: [UInt8] = Array("Exif".utf8) + [0, 0]
    private static let xmpHeader = Array("http://ns.adobe.com/xap/1.0/".utf8)

    private static func hasPrefix(_ data: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        data.count >= prefix.count && data.prefix(prefix.count).elementsEqual(prefix)
    }

    /// JPEG segments up to the start of the scan (metadata markers come before it).
    private static func jpegBlocks(_ data: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var index = 2
        while index + 4 <= data.count, data[index] == 0xFF {
            let marker = data[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xDA || marker == 0xD9 { break }
            let length = Int(data[index + 2]) << 8 | Int(data[index + 3])
            guard length >= 2, index + 2 + length <= data.count else { break }
            let payload = data[(index + 4)..<(index + 2 + length)]
            switch marker {
            case 0xE1 where hasPrefix(payload, exifHeader): blocks.append(Block(kind: .exif, payload: Data(payload)))
            case 0xE1 where hasPrefix(payload, xmpHeader): blocks.append(Block(kind: .xmp, payload: Data(payload)))
            case 0xED where hasPrefix(payload, Array("Photoshop 3.0".utf8)): blocks.append(Block(kind: .iptc, payload: Data(payload)))
            case 0xFE: blocks.append(Block(kind: .comment, payload: Data(payload)))
            default: break
            }
            index += 2 + length
        }
        return blocks
    }

    private static func pngBlocks(_ data: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var index = 8
        while index + 8 <= data.count {
            let length = Int(data[index]) << 24 | Int(data[index + 1]) << 16 | Int(data[index + 2]) << 8 | Int(data[index + 3])
            let type = String(decoding: data[(index + 4)..<(index + 8)], as: UTF8.self)
            guard length >= 0, index + 12 + length <= data.count else { break }
            let payload = data[(index + 8)..<(index + 8 + length)]
            switch type {
            case "eXIf": blocks.append(Block(kind: .exif, payload: Data(exifHeader) + Data(payload)))
            case "iTXt" where hasPrefix(payload, Array("XML:com.adobe.xmp".utf8)): blocks.append(Block(kind: .xmp, payload: Data(payload)))
            case "tEXt", "zTXt", "iTXt": blocks.append(Block(kind: .comment, payload: Data(payload)))
            case "IEND": return blocks
            default: break
            }
            index += 12 + length
        }
        return blocks
    }

    private static func webpBlocks(_ data: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var index = 12
        while index + 8 <= data.count {
            let type = String(decoding: data[index..<(index + 4)], as: UTF8.self)
            let length = Int(data[index + 4]) | Int(data[index + 5]) << 8 | Int(data[index + 6]) << 16 | Int(data[index + 7]) << 24
            guard index + 8 + length <= data.count else { break }
            var payload = data[(index + 8)..<(index + 8 + length)]
            switch type {
            case "EXIF":
                // Some writers keep the JPEG-style `Exif\0\0` header, most do not.
                if hasPrefix(payload, exifHeader) { payload = payload.dropFirst(exifHeader.count) }
                blocks.append(Block(kind: .exif, payload: Data(exifHeader) + Data(payload)))
            case "XMP ": blocks.append(Block(kind: .xmp, payload: Data(payload)))
            default: break
            }
            index += 8 + length + (length & 1)
        }
        return blocks
    }
}
