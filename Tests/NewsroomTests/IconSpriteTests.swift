import Foundation
import Testing
@testable import Newsroom

/// The sprite a page carries: the icons it uses, each once, in name order, after `<body…>`.
@Suite struct IconSpriteTests {
    static func icon(_ name: String) -> IconSource {
        IconSource(name: name, text: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M1 1h\(name.count)\"/></svg>", displayPath: "icons/\(name).svg")
    }

    @Test func usedIconsOnceInNameOrderAndUnknownNamesIgnored() throws {
        var log = DiagnosticLog()
        let sprite = IconSprite.load(["mail", "arrow", "zebra", "ärger", "arrow-left"].map(Self.icon), log: &log)
        #expect(!log.hasErrors)
        let page = "<html><body class=\"x\">" + ["mail", "arrow-left", "nope", "mail", "ärger", "arrow"].map(IconSprite.use).joined() + "</body></html>"
        let html = String(decoding: sprite.embed(in: Array(page.utf8)), as: UTF8.self)
        let ids = html.components(separatedBy: "<symbol id=\"icon-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["arrow", "arrow-left", "mail", "ärger"])
        #expect(html.hasPrefix("<html><body class=\"x\">\n<svg xmlns="))
        #expect(html.hasSuffix(["mail", "arrow-left", "nope", "mail", "ärger", "arrow"].map(IconSprite.use).joined() + "</body></html>"))
    }

    @Test func aPageWithoutIconsIsLeftAsItIs() {
        var log = DiagnosticLog()
        let sprite = IconSprite.load([Self.icon("mail")], log: &log)
        let page = Array("<html><body>href=\"#icon-nope\"</body></html>".utf8)
        #expect(Array(sprite.embed(in: page)) == page)
    }
}
