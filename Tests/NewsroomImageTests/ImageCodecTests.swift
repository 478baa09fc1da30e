import Foundation
import ImageFixtures
import NewsroomImage
import Testing

@Suite struct ImageCodecTests {
    @Test func sniffsTheFormatFromTheBytesNotTheName() {
        #expect(SniffedFormat(ImageFixtures.plain(.jpeg)) == .raster(.jpeg))
        #expect(SniffedFormat(ImageFixtures.plain(.png)) == .raster(.png))
        #expect(SniffedFormat(ImageFixtures.plain(.webp)) == .raster(.webp))
        #expect(SniffedFormat(Data("GIF89a....".utf8)) == .unsupported("GIF"))
        #expect(SniffedFormat(Data("<svg/>".utf8)) == .unknown)
    }

    @Test func readsThePhoneMetadataItIsGiven() throws {
        let photo = ImageFixtures.phoneJPEG()
        let metadata = ImageMetadata.scan(photo)
        #expect(metadata.hasGPS && metadata.hasOwner && metadata.hasEXIF && metadata.hasXMP && metadata.hasIPTC && metadata.hasComment)
        #expect(ImageFixtures.telltales(in: photo).count == ImageFixtures.telltales.count)
        let header = try ImageCodec.header(of: photo)
        #expect(header == ImageHeader(format: .jpeg, storedWidth: 400, storedHeight: 300, orientation: 6, hasAlpha: false))
        #expect((header.width, header.height) == (300, 400))
    }

    @Test func decodesUprightAndReencodesWithNothingButPixels() throws {
        let photo = ImageFixtures.phoneJPEG()
        let pixels = try ImageCodec.decode(photo, header: ImageCodec.header(of: photo))
        #expect((pixels.width, pixels.height) == (300, 400))
        // Stored top-left red, turned a quarter clockwise: red is now top-right.
        #expect(pixels.pixel(x: 290, y: 10)[0] > 200)
        #expect(pixels.pixel(x: 10, y: 10)[0] < 60)
        for format in ImageFormat.allCases {
            let encoded = try ImageCodec.encode(pixels, as: format)
            #expect(ImageMetadata.scan(encoded).isEmpty, "\(format)")
            #expect(ImageFixtures.telltales(in: encoded) == [], "\(format)")
            let header = try ImageCodec.header(of: encoded)
            #expect((header.width, header.height, header.orientation) == (300, 400, 1))
        }
    }

    @Test func scalesByAveragingAndKeepsAlpha() throws {
        let png = ImageFixtures.pngWithAlpha(width: 64, height: 48)
        let pixels = try ImageCodec.decode(png, header: ImageCodec.header(of: png))
        #expect(pixels.hasAlpha && !pixels.isOpaque)
        let half = try ImageCodec.resized(pixels, width: 32, height: 24)
        #expect(half.pixel(x: 2, y: 2)[3] == 0)
        #expect(half.pixel(x: 30, y: 2) == [255, 128, 0, 255])
        // At the seam, the transparent side's colour does not tint the opaque one.
        let third = try ImageCodec.resized(pixels, width: 21, height: 16)
        let seam = third.pixel(x: 10, y: 5)
        #expect(seam[3] > 0 && seam[3] < 255 && seam[2] == 0)
        let webp = try ImageCodec.encode(half, as: .webp)
        #expect(try ImageCodec.header(of: webp).hasAlpha)
    }

    @Test func shrinksLargeJPEGsInTheDecoder() throws {
        let photo = ImageFixtures.phoneJPEG(width: 800, height: 600, orientation: 1, private: false)
        let header = try ImageCodec.header(of: photo)
        #expect(try ImageCodec.decode(photo, header: header, atLeastWidth: 200).width == 200)
        #expect(try ImageCodec.decode(photo, header: header, atLeastWidth: 201).width == 400)
        #expect(try ImageCodec.decode(photo, header: header).width == 800)
    }

    @Test func badImagesAreErrorsNotCrashes() throws {
        let truncated = ImageFixtures.truncatedJPEG()
        let header = try ImageCodec.header(of: truncated)
        #expect(throws: ImageError.self) { try ImageCodec.decode(truncated, header: header) }
        let bomb = try ImageCodec.header(of: ImageFixtures.bombPNG())
        #expect(bomb.pixelCount == 10_000_000_000)
        #expect(throws: ImageError.self) { try ImageCodec.header(of: Data([0xFF, 0xD8, 0xFF, 0x00])) }
        #expect(throws: ImageError.self) { try ImageCodec.header(of: Data("not an image".utf8)) }
    }
}
