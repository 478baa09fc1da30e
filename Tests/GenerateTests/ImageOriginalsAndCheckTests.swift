import Foundation
import ImageFixtures
import NewsroomImage
import Testing
@testable import Newsroom

/// Issue 18: originals only on the site's request and never with GPS; `check` fails on an
/// image in the output that gives away where it was taken or whose it is.
@Suite struct ImageOriginalsAndCheckTests {
    static func site(originals: Bool, photo: Data) throws -> TestSite {
        let site = try TestSite("""
        -- site/site.yml --
        title: Test News
        base_url: https://example.org/
        timezone: Europe/Bucharest
        theme: minimal
        \(originals ? "images:\n  originals: true" : "")
        -- site/content/news/2026-03-01-first.md --
        ---
        title: First
        ---
        ![A photo](/photo.jpg)
        """)
        try site.writeData(photo, to: "site/static/photo.jpg")
        return site
    }

    @Test func anOriginalIsPublishedAsItIsOnlyWhenAskedAndWithoutGPS() throws {
        let clean = ImageFixtures.phoneJPEG(width: 200, height: 150, orientation: 1, private: false)
        let asked = try Self.site(originals: true, photo: clean)
        defer { asked.delete() }
        #expect(asked.build().succeeded)
        #expect(asked.outputTree()["photo.jpg"] == clean)

        let notAsked = try Self.site(originals: false, photo: clean)
        defer { notAsked.delete() }
        #expect(notAsked.build().succeeded)
        #expect(notAsked.outputTree()["photo.jpg"] != clean)
        #expect(ImageMetadata.scan(notAsked.outputTree()["photo.jpg"]!).isEmpty)

        let located = ImageFixtures.phoneJPEG(width: 200, height: 150)
        let withGPS = try Self.site(originals: true, photo: located)
        defer { withGPS.delete() }
        let result = withGPS.build()
        #expect(result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == [
            "site/static/photo.jpg:1:1: warning: image 'site/static/photo.jpg' carries GPS coordinates: it is published re-encoded without them, not as the original (images.originals)",
        ])
        #expect(ImageMetadata.scan(withGPS.outputTree()["photo.jpg"]!).isEmpty)
    }

    @Test func anItemCanAskForItsOwnImagesAsTheyAre() throws {
        let clean = ImageFixtures.phoneJPEG(width: 200, height: 150, orientation: 1, private: false)
        let site = try Self.site(originals: false, photo: clean)
        defer { site.delete() }
        try site.write("-- site/content/news/2026-03-02-bundle/index.md --\n---\ntitle: Bundle\noriginal_images: true\n---\n![Its photo](own.jpg)\n")
        try site.writeData(clean, to: "site/content/news/2026-03-02-bundle/own.jpg")
        let result = site.build()
        #expect(result.succeeded && result.otherDiagnostics.isEmpty, "\(result.otherDiagnostics)")
        let tree = site.outputTree()
        #expect(tree["news/2026/03/bundle/own.jpg"] == clean)
        #expect(tree["photo.jpg"] != clean)
    }

    @Test func checkFailsOnAnImageInTheOutputWithGPSOrAnOwner() throws {
        let site = try Self.site(originals: false, photo: ImageFixtures.phoneJPEG(width: 200, height: 150))
        defer { site.delete() }
        #expect(site.build().succeeded)
        #expect(SiteCheck.run(site.options(), outputName: "output").filter { $0.severity == .error } == [])
        // Put there by hand (an upload straight to the output folder).
        try site.writeData(ImageFixtures.phoneJPEG(width: 20, height: 10), to: "output/uploads/leak.jpg")
        try site.writeData(ImageFixtures.phoneJPEG(width: 20, height: 10, orientation: 1, private: false), to: "output/uploads/fine.jpg")
        #expect(SiteCheck.run(site.options(), outputName: "output").filter { !ItemIDs.isUnpinnedWarning($0) }.map(\.description) == [
            "output/uploads/leak.jpg:1:1: error: image in the output folder carries GPS coordinates and its owner's name: publish it through the build, which removes them",
        ])
    }
}
