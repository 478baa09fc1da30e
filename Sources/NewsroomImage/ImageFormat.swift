import Foundation

/// The raster formats the generator reads and writes.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp

    /// The file extensions that name this format (lower case).
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        case .png: ["png"]
        case .webp: ["webp"]
        }
    }

    public var fileExtension: String { extensions[0] }

    public var mimeType: String { "image/" + rawValue }

    /// The format a file extension names, if it is one of ours.
    public static func named(byExtension ext: String) -> ImageFormat? {
        let lower = ext.lowercased()
        return allCases.first { $0.extensions.contains(lower) }
    }

    /// Extensions of image formats that are recognised but not published (they would need a
    /// converter the generator does not carry): an author gets an error, not a silent copy.
    public static let unsupportedExtensions: Set<String> = ["gif", "bmp", "tif", "tiff", "heic", "heif", "avif", "jxl", "ico"]
}

/// What a file's first bytes say it is, whatever its name says.
public enum SniffedFormat: Equatable, Sendable {
    case raster(ImageFormat)
    /// An image format the generator does not process, by name.
    case unsupported(String)
    case unknown

    public init(_ bytes: Data) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && bytes.dropFirst(offset).prefix(prefix.count).elementsEqual(prefix)
        }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .raster(.jpeg)
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .raster(.png)
        } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            self = .raster(.webp)
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            self = .unsupported("GIF")
        } else if starts(Array("BM".utf8)) && bytes.count > 26 {
            self = .unsupported("BMP")
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .unsupported("TIFF")
        } else if starts(Array("ftyp".utf8), at: 4) {
            let brand = String(decoding: bytes.dropFirst(8).prefix(4), as: UTF8.self)
            self = .unsupported(brand.hasPrefix("avi") ? "AVIF" : "HEIF")
        } else {
            self = .unknown
        }
    }
}
