import Foundation
import NewsroomText

/// What GFM's autolink extension links, looked for in the HTML of a document parsed without it.
///
/// The extension links `www.` and `://` where the inline parser meets them in text, and an
/// address around `@` in the text nodes its pass reads; neither inside a link. Text renders
/// with those bytes as written (HTML escaping touches only `&`, `<`, `>` and `"`), and a link
/// as `<a href="…">…</a>` whose first `</a>` is its own (a link holds no link, and raw HTML is a
/// slot mark). So a document whose HTML holds none of the three outside those spans would come
/// out the same with the extension. Anything else outside a link (code, an image's alt text,
/// a title) only makes the answer cautious.
enum AutolinkText {
    private static let linkOpen = Array("<a href=\"".utf8)
    private static let linkClose = Array("</a>".utf8)
    private static let candidates = [Array("@".utf8), Array("://".utf8), Array("www.".utf8)]

    /// Whether `html` holds `@`, `www.` or `://` outside its links. Each is looked for through
    /// the whole HTML, and only where one is found is the link around it, if any, looked for.
    static func appears(in html: UnsafeBufferPointer<UInt8>) -> Bool {
        for candidate in candidates {
            var from = 0
            while let offset = UTF8Search.firstIndex(of: candidate, in: html, from: from) {
                guard let end = linkEnd(around: offset, in: html) else { return true }
                from = max(end, offset + 1)
            }
        }
        return false
    }

    /// The offset just past the `</a>` of the link whose span holds `offset`, or nil when it is
    /// in no link: the nearest tag before it that opens or closes a link tells (every `<` of
    /// the HTML starts a tag; text's are escaped).
    private static func linkEnd(around offset: Int, in html: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = offset
        while start > 0 {
            start -= 1
            guard html[start] == UInt8(ascii: "<") else { continue }
            if holds(linkClose, at: start, in: html) { return nil }
            if holds(linkOpen, at: start, in: html) {
                return UTF8Search.firstIndex(of: linkClose, in: html, from: offset).map { $0 + linkClose.count } ?? html.count
            }
        }
        return nil
    }

    private static func holds(_ bytes: [UInt8], at start: Int, in html: UnsafeBufferPointer<UInt8>) -> Bool {
        start + bytes.count <= html.count && memcmp(html.baseAddress! + start, bytes, bytes.count) == 0
    }
}
