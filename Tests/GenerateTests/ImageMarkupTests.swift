import Foundation
import ImageFixtures
import NewsroomImage
import Testing
@testable import Newsroom

/// Issue 18: pages show processed images at the right size without layout shift: `<picture>`
/// with WebP candidates and a JPEG (or PNG) fallback, `width`/`height` from the decoded pixels,
/// `loading="lazy"` in bodies and cards, `fetchpriority="high"` on the hero.
@Suite struct ImageMarkupTests {
    /// The fixture's other item with raw HTML allowed and an `<img>` of its own.
    static let rawHTMLSite = """
    -- site/site.yml --
    title: Test News
    base_url: https://example.org/
    timezone: Europe/Bucharest
    theme: minimal
    raw_html: true
    -- site/content/news/2026-03-02-other.md --
    ---
    title: Another item
    ---
    <figure><img class="wide" src="/images/screen.png" alt="Logo"></figure>

    """

    @Test func heroBodyAndCardImagesCarryTheirSizesAndCandidates() throws {
        let site = try ImagePublishingTests.site()
        defer { site.delete() }
        try site.useDefaultTheme()
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(site.read(ImagePublishingTests.item + "index.html"))
        let sizes = #"sizes="(min-width: 46rem) 43.5rem, calc(100vw - 2.5rem)""#
        let webp = #"<source type="image/webp" srcset="phone-480w.webp 480w, phone-800w.webp 800w, phone-900w.webp 900w" \#(sizes)>"#
        let fallback = #"srcset="phone-480w.jpg 480w, phone-800w.jpg 800w, phone.jpg 900w" \#(sizes)"#
        #expect(page.contains(#"<picture>\#(webp)<img src="phone.jpg" alt="Volunteers unloading boxes" width="900" height="1200" \#(fallback) fetchpriority="high"></picture>\#n    <figcaption>The first delivery</figcaption>"#), "\(page)")
        #expect(page.contains(#"<picture>\#(webp)<img src="phone.jpg" alt="Boxes in the hall" width="900" height="1200" \#(fallback) loading="lazy" decoding="async"></picture>"#), "\(page)")
        // width and height are the decoded sizes of the files they describe.
        let main = try ImageCodec.header(of: site.outputTree()[ImagePublishingTests.item + "phone.jpg"]!)
        #expect((main.width, main.height) == (900, 1200))
        let other = try #require(site.read("news/2026/03/other/index.html"))
        #expect(other.contains(#"<img src="../../../../images/screen.png" alt="Logo" width="640" height="480" srcset="../../../../images/screen-480w.png 480w, ../../../../images/screen.png 640w""#), "\(other)")
        let home = try #require(site.read("index.html"))
        #expect(home.contains(#"<img class="card-image" src="news/2026/03/shelter/phone-800w.jpg" alt="Volunteers unloading boxes" width="800" height="1067" loading="lazy">"#), "\(home)")
        let card = try ImageCodec.header(of: site.outputTree()["news/2026/03/shelter/phone-800w.jpg"]!)
        #expect((card.width, card.height) == (800, 1067))
        // Every candidate exists: check finds no broken link.
        #expect(SiteCheck.run(site.options(), outputName: "output").filter { $0.severity == .error } == [])
    }

    @Test func rawHTMLImagesGetTheirSizesAndKeepTheirMarkup() throws {
        let site = try ImagePublishingTests.site()
        defer { site.delete() }
        try site.write(Self.rawHTMLSite + """

        <p><img src="/images/screen.png" alt="Sized" width="64" height="48" /></p>
        """)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(site.read("news/2026/03/other/index.html"))
        #expect(page.contains(#"<figure><img class="wide" src="../../../../images/screen.png" alt="Logo" width="640" height="480" srcset="../../../../images/screen-480w.png 480w, ../../../../images/screen.png 640w" sizes="(min-width: 46rem) 43.5rem, calc(100vw - 2.5rem)" loading="lazy" decoding="async"></figure>"#), "\(page)")
        #expect(page.contains(#"<p><img src="../../../../images/screen.png" alt="Sized" width="64" height="48" /></p>"#), "\(page)")
    }

    /// Feed readers get one file of a sensible width for each photo (the 1200-px copy, or the
    /// full size when narrower) with its size, not the full-size file, and no page hints.
    @Test func feedBodiesCarryTheFeedSizedCopyWithItsSize() throws {
        let site = try ImagePublishingTests.site(photo: ImageFixtures.phoneJPEG(width: 1600, height: 1200, orientation: 1))
        defer { site.delete() }
        try site.write(Self.rawHTMLSite)
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data((site.read("news/feed.json") ?? "").utf8)) as? [String: Any])
        let bodies = try #require(json["items"] as? [[String: Any]]).compactMap { $0["content_html"] as? String }.joined(separator: "\n")
        #expect(bodies.contains(#"<img src="https://example.org/news/2026/03/shelter/phone-1200w.jpg" alt="Boxes in the hall" width="1200" height="900">"#), "\(bodies)")
        #expect(bodies.contains(#"<figure><img class="wide" src="https://example.org/images/screen.png" alt="Logo" width="640" height="480"></figure>"#), "\(bodies)")
        #expect(!bodies.contains("phone.jpg") && !bodies.contains("loading=") && !bodies.contains("<picture>"), "\(bodies)")
        let rss = try #require(site.read("news/feed.xml"))
        #expect(rss.contains("phone-1200w.jpg") && !rss.contains("shelter/phone.jpg&quot;"))
        let file = try ImageCodec.header(of: site.outputTree()["news/2026/03/shelter/phone-1200w.jpg"]!)
        #expect((file.width, file.height) == (1200, 900))
    }
}
