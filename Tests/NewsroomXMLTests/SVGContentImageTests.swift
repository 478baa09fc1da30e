import Testing
@testable import NewsroomXML

/// Issue 18: content SVGs are checked as icons are for anything active or outside, without the
/// icon rules that only matter inside a sprite (ids, styles).
@Suite struct SVGContentImageTests {
    static let open = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"#

    @Test func drawingsWithIdsStylesAndInnerReferencesPass() {
        let svg = Self.open + """
        <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
        <style>.a { fill: url(#g) }</style>
        <rect class="a" style="stroke: url('#g')" width="10" height="10"/>
        <use href="#g"/><use xlink:href="#g"/>
        <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
        </svg>
        """
        #expect(SVGContentImage.problem(in: svg) == nil)
    }

    @Test(arguments: [
        ("\n<script>alert(1)</script></svg>", 2, "<script> is not allowed in an SVG image"),
        (#"<rect onclick="x()" width="1"/></svg>"#, 1, "event attribute 'onclick' is not allowed in an SVG image"),
        ("\n\n" + #"<image xlink:href="https://tracker.example/p.png"/></svg>"#, 3, "outside reference 'https://tracker.example/p.png' is not allowed in an SVG image"),
        (#"<a href="javascript:x()"><rect width="1"/></a></svg>"#, 1, "outside reference 'javascript:x()' is not allowed in an SVG image"),
        (#"<style>@import url(x.css);</style></svg>"#, 1, "outside reference '@import' is not allowed in an SVG image"),
        (#"<rect style="fill: url(https://e.example/f.svg#p)"/></svg>"#, 1, "outside reference 'url(https://e.example/f.svg#p)' is not allowed in an SVG image"),
        (#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>"#, 1, "<foreignObject> is not allowed in an SVG image"),
        ("<rect></svg>", 1, "the SVG is not well-formed XML"),
    ])
    func activeOrOutsideContentIsRefusedWithItsLine(body: String, line: Int, message: String) {
        #expect(SVGContentImage.problem(in: Self.open + body) == SVGIconError(line: line, message: message))
    }

    @Test func doctypesAndOtherRootsAreRefused() {
        #expect(SVGContentImage.problem(in: "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>")?.message == "an SVG image may not declare a DOCTYPE or entities")
        #expect(SVGContentImage.problem(in: "<html/>")?.message == "the root element must be <svg>")
    }
}
