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
    private static let web = Array("www.".utf8)
    private static let scheme = Array("://".utf8)

    /// Whether `html` holds `@`, `www.` or `://` outside its links.
    static func appears(in html: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < html.count {
            let open = UTF8Search.firstIndex(of: linkOpen, in: html, from: start) ?? html.count
            if holdsCandidate(UnsafeBufferPointer(rebasing: html[start..<open])) { return true }
            guard open < html.count, let close = UTF8Search.firstIndex(of: linkClose, in: html, from: open) else { return false }
            start = close + linkClose.count
        }
        return false
    }

    private static func holdsCandidate(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        return memchr(base, Int32(UInt8(ascii: "@")), text.count) != nil
            || UTF8Search.firstIndex(of: scheme, in: text) != nil
            || UTF8Search.firstIndex(of: web, in: text) != nil
    }
}
