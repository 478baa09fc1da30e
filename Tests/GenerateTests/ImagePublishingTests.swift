import Foundation
import ImageFixtures
import NewsroomImage
import Testing
@testable import Newsroom

/// Issue 18: every published raster image is re-encoded upright with no metadata, with
/// narrower copies; processed images are cached beside the output; bad images are errors at
/// the content that shows them, with nothing written.
@Suite struct ImagePublishingTests {
    static let bundle = "site/content/news/2026-03-01-shelter"

    static func site(photo: Data = ImageFixtures.phoneJPEG(width: 1200, height: 900)) throws -> TestSite {
        let site = try TestSite("""
        -- site/site.yml --
        title: Test News
        base_url: https://example.org/
        timezone: Europe/Bucharest
        theme: minimal
        -- \(bundle)/index.md --
        ---
        title: At the shelter
        image:
          src: phone.jpg
          alt: Volunteers unloading boxes
          caption: The first delivery
        ---
        The first day.

        ![Boxes in the hall](phone.jpg)
        -- site/content/news/2026-03-02-other.md --
        ---
        title: Another item
        ---
        A logo: ![Logo](/images/screen.png)
        """)
        try site.writeData(photo, to: "\(bundle)/phone.jpg")
        try site.writeData(ImageFixtures.pngWithAlpha(width: 640, height: 480), to: "site/static/images/screen.png")
        return site
    }

    static let item = "news/2026/03/shelter/"

    static func rasterFiles(_ tree: [String: Data]) -> [String: Data] {
        tree.filter { ImageFormat.named(byExtension: ($0.key as NSString).pathExtension) != nil }
    }

    @Test func everyPublishedImageIsUprightWithNoMetadata() throws {
        let site = try Self.site()
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        #expect(result.imagesEncoded == 2)
        let images = Self.rasterFiles(site.outputTree())
        #expect(images.keys.sorted() == [
            "images/screen-480w.png", "images/screen-480w.webp", "images/screen-640w.webp", "images/screen.png",
            Self.item + "phone-480w.jpg", Self.item + "phone-480w.webp", Self.item + "phone-800w.jpg", Self.item + "phone-800w.webp", Self.item + "phone-900w.webp", Self.item + "phone-social.jpg", Self.item + "phone.jpg",
        ])
        for (path, data) in images {
            #expect(ImageFixtures.telltales(in: data) == [], "\(path)")
            #expect(ImageMetadata.scan(data).isEmpty, "\(path)")
            let header = try ImageCodec.header(of: data)
            #expect(header.orientation == 1, "\(path)")
            if path.hasPrefix(Self.item), !path.hasSuffix("-social.jpg") { #expect(header.height > header.width, "\(path) is not portrait") }
        }
        let main = try ImageCodec.header(of: images[Self.item + "phone.jpg"]!)
        #expect((main.width, main.height) == (900, 1200))
        let variant = try ImageCodec.header(of: images[Self.item + "phone-480w.webp"]!)
        #expect((variant.width, variant.height) == (480, 640))
        // The stored top-left quarter is red; upright, it is the top-right one.
        let pixels = try ImageCodec.decode(images[Self.item + "phone.jpg"]!, header: main)
        #expect(pixels.pixel(x: 880, y: 20)[0] > 200 && pixels.pixel(x: 20, y: 20)[0] < 60)
        #expect(try ImageCodec.header(of: images["images/screen-480w.png"]!).hasAlpha)
    }

    @Test func aRebuildEncodesNothingAndTheCacheHoldsOnlyWhatIsUsed() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let cache = site.root.appendingPathComponent(".newsroom-cache/output/images")
        func entries() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".image") }.sorted() }
        #expect(entries().count == 2)
        let first = site.outputTree()

        let again = site.build()
        #expect(again.imagesEncoded == 0 && again.report.written == 0, "\(again.report)")

        // A change elsewhere renders pages again; the images come from the cache, unchanged.
        try site.write("-- site/content/news/2026-03-02-other.md --\n---\ntitle: Another item, edited\n---\nA logo: ![Logo](/images/screen.png)\n")
        let edited = site.build()
        #expect(edited.succeeded && edited.imagesEncoded == 0)
        #expect(Self.rasterFiles(site.outputTree()) == Self.rasterFiles(first))

        // A clean build after the output is deleted takes every image from the cache.
        try FileManager.default.removeItem(at: site.output)
        let clean = site.build()
        #expect(clean.succeeded && clean.imagesEncoded == 0)
        #expect(Self.rasterFiles(site.outputTree()) == Self.rasterFiles(first))

        // A replaced photo is encoded once, and the old photo's entry is removed.
        let before = entries()
        try site.writeData(ImageFixtures.phoneJPEG(width: 1000, height: 800, orientation: 1), to: "\(Self.bundle)/phone.jpg")
        let replaced = site.build()
        #expect(replaced.succeeded && replaced.imagesEncoded == 1)
        #expect(entries().count == 2 && entries() != before)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".newsroom-cache").path))
    }

    @Test func aRebuildReadsNoUnchangedImageNorItsCacheEntry() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let first = site.outputTree()

        // Another item's edit renders pages showing both images again: their sizes and names
        // come from the cache's index, not from reading 2 photos and 2 entries.
        try site.write("-- site/content/news/2026-03-02-other.md --\n---\ntitle: Another item, edited\n---\nA logo: ![Logo](/images/screen.png)\n")
        let reads = ReadPaths()
        let edited = site.build { $0.fileSystem = FileSystem.local.recordingReads(into: reads) }
        #expect(edited.succeeded && edited.imagesEncoded == 0 && edited.report.written > 0, "\(edited.report)")
        let imageReads = reads.all.filter { $0.hasSuffix(".jpg") || $0.hasSuffix(".png") || $0.hasSuffix(".image") }
        #expect(imageReads == [], "\(imageReads)")
        #expect(Self.rasterFiles(site.outputTree()) == Self.rasterFiles(first))

        // With the output gone, each image's files are read from its entry, still not made again.
        try FileManager.default.removeItem(at: site.output)
        let clean = site.build()
        #expect(clean.succeeded && clean.imagesEncoded == 0)
        #expect(Self.rasterFiles(site.outputTree()) == Self.rasterFiles(first))

        // A photo replaced by one of the same size is noticed by its time, and made again.
        let photo = site.root.appendingPathComponent("\(Self.bundle)/phone.jpg")
        var flipped = try Data(contentsOf: photo)
        flipped[flipped.count - 3] ^= 0x01
        try flipped.write(to: photo)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: photo.path)
        let replaced = site.build()
        #expect(replaced.succeeded && replaced.imagesEncoded == 1)
    }

    @Test func aDamagedCacheIndexIsIgnored() throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let first = site.outputTree()
        let index = site.root.appendingPathComponent(".newsroom-cache/output/images/sources.index")
        #expect(FileManager.default.fileExists(atPath: index.path))
        try Data("newsroom-image-index 1\nnot a record\n".utf8).write(to: index)
        try FileManager.default.removeItem(at: site.output)
        let clean = site.build()
        #expect(clean.succeeded && clean.imagesEncoded == 0)
        #expect(site.outputTree() == first)
    }

    @Test(arguments: [
        ("truncated", ImageFixtures.truncatedJPEG(), "corrupt or truncated JPEG"),
        ("lying", ImageFixtures.plain(.png), "the file is named as JPEG but holds PNG"),
        ("gif", Data("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8), "holds GIF, which is not published"),
        ("text", Data("not a photo\n".utf8), "is named as JPEG but is not an image"),
    ])
    func aBadImageIsAnErrorWhereTheContentShowsItAndNothingIsWritten(name: String, bytes: Data, message: String) throws {
        let site = try Self.site()
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        try site.writeData(bytes, to: "\(Self.bundle)/phone.jpg")
        let result = site.build()
        #expect(!result.succeeded)
        let errors = result.otherDiagnostics.filter { $0.severity == .error }.map { "\($0.path):\($0.line):\($0.column)" }
        #expect(errors == ["site/\(Self.bundle.dropFirst(5))/index.md:4:8", "site/\(Self.bundle.dropFirst(5))/index.md:10:1"], "\(result.otherDiagnostics)")
        #expect(result.otherDiagnostics.allSatisfy { $0.message.contains(message) && $0.message.hasPrefix("image 'site/content/news/2026-03-01-shelter/phone.jpg' cannot be published") }, "\(result.otherDiagnostics)")
        #expect(site.outputTree() == before)
    }

    @Test func aDecompressionBombIsRefusedBeforeItIsDecoded() throws {
        let site = try Self.site()
        defer { site.delete() }
        try site.writeData(ImageFixtures.bombPNG(), to: "site/static/images/screen.png")
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == [
            "site/content/news/2026-03-02-other.md:4:9: error: image 'site/static/images/screen.png' cannot be published: 100000×100000 pixels is over the limit of 50 megapixels",
        ])
        #expect(!site.exists("index.html"))
    }

    @Test func anImageNothingShowsIsReportedAtItsFile() throws {
        let site = try Self.site()
        defer { site.delete() }
        try site.writeData(ImageFixtures.plain(.jpeg), to: "site/static/images/renamed.png")
        try site.writeData(Data("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8), to: "site/static/images/old.gif")
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == [
            "site/static/images/old.gif:1:1: error: image 'site/static/images/old.gif' cannot be published: GIF images are not published (they may carry metadata the generator cannot remove): convert it to JPEG, PNG or WebP",
            "site/static/images/renamed.png:1:1: error: image 'site/static/images/renamed.png' cannot be published: the file is named as PNG but holds JPEG",
        ])
        #expect(!site.exists("index.html"))
    }
}

/// Issue 18: the site's SVG images are checked, then published as they are.
@Suite struct SVGContentImagePublishingTests {
    @Test func anSVGWithAScriptIsAnErrorWhereItIsShown() throws {
        let site = try ImagePublishingTests.site()
        defer { site.delete() }
        let drawing = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect id="r" style="fill:#c00" width="4" height="4"/></svg>"#
        try site.write("-- site/static/images/chart.svg --\n\(drawing)\n-- site/content/pages/about.md --\n---\ntitle: About\n---\n![A chart](/images/chart.svg)\n")
        #expect(site.build().succeeded)
        #expect(site.read("images/chart.svg") == drawing + "\n")
        try site.write("-- site/static/images/chart.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>fetch('https://x.example')</script></svg>\n")
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == [
            "site/content/pages/about.md:4:1: error: image 'site/static/images/chart.svg' cannot be published: line 2: <script> is not allowed in an SVG image",
        ])
        #expect(site.read("images/chart.svg") == drawing + "\n")
    }
}

/// Issue 18's own photo: 4000×3000 as stored, Orientation 6, GPS and owner tags.
@Suite struct FullSizePhonePhotoTests {
    @Test func aFullSizePhonePhotoIsPublishedPortraitInEveryWidthWithNothingHidden() throws {
        let site = try ImagePublishingTests.site(photo: ImageFixtures.phoneJPEG(width: 4000, height: 3000))
        defer { site.delete() }
        try site.useDefaultTheme()
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        let tree = site.outputTree()
        let expected = [("phone.jpg", 3000, 4000), ("phone-480w.jpg", 480, 640), ("phone-800w.webp", 800, 1067), ("phone-1200w.jpg", 1200, 1600), ("phone-1600w.webp", 1600, 2133)]
        for (name, width, height) in expected {
            let data = try #require(tree[ImagePublishingTests.item + name], "\(name)")
            let header = try ImageCodec.header(of: data)
            #expect((header.width, header.height, header.orientation) == (width, height, 1), "\(name)")
            #expect(ImageFixtures.telltales(in: data) == [] && ImageMetadata.scan(data).isEmpty, "\(name)")
        }
        let page = try #require(site.read(ImagePublishingTests.item + "index.html"))
        #expect(page.contains(#"<img src="phone-1600w.jpg" alt="Volunteers unloading boxes" width="3000" height="4000""#))
        // Shared links point at the 1200×630 crop, not at the full photo.
        #expect(page.contains(#"<meta property="og:image" content="https://example.org/news/2026/03/shelter/phone-social.jpg">"#))
        let social = try ImageCodec.header(of: try #require(tree[ImagePublishingTests.item + "phone-social.jpg"]))
        #expect((social.width, social.height) == (1200, 630))
    }
}

/// The hero's social crop keeps `image.focus` in view.
@Suite struct SocialCropTests {
    static func crop(focus: String?) throws -> (Pixels, [Diagnostic]) {
        let site = try ImagePublishingTests.site()
        defer { site.delete() }
        if let focus {
            let path = site.root.appendingPathComponent(ImagePublishingTests.bundle + "/index.md")
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "  caption:", with: "  focus: \(focus)\n  caption:")
            try text.write(to: path, atomically: true, encoding: .utf8)
        }
        let result = site.build()
        guard let data = site.outputTree()[ImagePublishingTests.item + "phone-social.jpg"] else { return (Pixels(width: 1, height: 1, channels: 3, bytes: [0, 0, 0]), result.otherDiagnostics) }
        return (try ImageCodec.decode(data, header: ImageCodec.header(of: data)), result.otherDiagnostics)
    }

    @Test func theCropFollowsTheFocus() throws {
        // Upright the photo is 900×1200 with red in its top-right quarter.
        let (top, _) = try Self.crop(focus: "50% 0%")
        #expect((top.width, top.height) == (900, 472))
        #expect(top.pixel(x: 800, y: 50)[0] > 200)
        let (bottom, _) = try Self.crop(focus: "50% 100%")
        #expect(bottom.pixel(x: 800, y: 50)[0] < 60 && bottom.pixel(x: 800, y: 460)[0] < 60)
        let (centre, _) = try Self.crop(focus: nil)
        #expect(centre.pixel(x: 800, y: 50)[0] > 200 && centre.pixel(x: 800, y: 460)[0] < 60)
    }

    @Test func aFocusThatIsNotTwoPercentagesIsAnError() throws {
        let (_, diagnostics) = try Self.crop(focus: "top")
        #expect(diagnostics.map(\.description) == ["site/content/news/2026-03-01-shelter/index.md:6:10: error: 'image.focus' must be two percentages, across then down, like '50% 30%', not 'top'"])
    }
}
