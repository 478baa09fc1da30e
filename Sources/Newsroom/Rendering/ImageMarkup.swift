import NewsroomText
import NewsroomXML

/// How a processed image is shown on a page: the file for `src`, its size (so the page does not
/// shift while it loads), and the candidates for `srcset` in WebP and in the fallback format.
struct ImagePicture: Equatable {
    var src: String
    var width: Int
    var height: Int
    /// `a-480w.jpg 480w, a-800w.jpg 800w, a.jpg 900w`; empty when the image has no copies.
    var srcset: String
    var webpSrcset: String
    /// `loading`/`decoding`/`fetchpriority` are written (pages); feeds get none.
    var hints = true

    /// The column the default theme shows images in: 46rem less its padding, or the window.
    static let sizes = "(min-width: 46rem) 43.5rem, calc(100vw - 2.5rem)"
    /// The widest candidate a page offers: wider files are only linked to.
    static let widest = 1600

    /// `link` turns an output path into the URL the page writes.
    init(_ image: ProcessedImage, at path: String, link: (String) -> String) {
        width = image.width
        height = image.height
        let fallbacks = image.variants.filter { !$0.isWebP }
        var fallback = fallbacks.map { (link(ImageCatalog.path(of: $0, for: path)), $0.width) }
        if image.width <= Self.widest { fallback.append((link(path), image.width)) }
        src = fallback.last?.0 ?? link(path)
        srcset = fallback.count > 1 ? fallback.map { "\($0.0) \($0.1)w" }.joined(separator: ", ") : ""
        let webp = image.variants.filter(\.isWebP)
        webpSrcset = webp.map { "\(link(ImageCatalog.path(of: $0, for: path))) \($0.width)w" }.joined(separator: ", ")
    }

    /// The widest file a feed's body shows: feed readers show a column, and a reader
    /// downloads every image of every new item.
    static let feedWidest = 1200

    /// For a feed body: the widest fallback file no wider than `feedWidest` (the full size when
    /// it is narrower) with its own size; no candidates, no hints.
    init(feedCopyOf image: ProcessedImage, at path: String, link: (String) -> String) {
        let fitting = image.variants.filter { !$0.isWebP && $0.width <= Self.feedWidest }.last
        let chosen = image.width <= Self.feedWidest || fitting == nil ? nil : fitting
        src = link(chosen.map { ImageCatalog.path(of: $0, for: path) } ?? path)
        width = chosen?.width ?? image.width
        height = chosen?.height ?? image.height
        srcset = ""
        webpSrcset = ""
        hints = false
    }

    /// The `<picture>` for an `<img>` whose other attributes (`alt`, `title` …) are `attributes`.
    func html(attributes: String, lazy: Bool) -> String {
        var img = "<img src=\"\(HTMLEscaping.escaped(src))\"\(attributes) width=\"\(width)\" height=\"\(height)\""
        if !srcset.isEmpty { img += " srcset=\"\(HTMLEscaping.escaped(srcset))\" sizes=\"\(Self.sizes)\"" }
        img += !hints ? ">" : lazy ? " loading=\"lazy\" decoding=\"async\">" : " fetchpriority=\"high\">"
        guard !webpSrcset.isEmpty else { return img }
        return "<picture><source type=\"image/webp\" srcset=\"\(HTMLEscaping.escaped(webpSrcset))\" sizes=\"\(Self.sizes)\">" + img + "</picture>"
    }
}

/// Rewrites the `<img>` elements cmark-gfm writes for Markdown images (`<img src="…" alt="…" />`)
/// whose `src` is a processed image into `<picture>` elements with sizes and candidates.
enum ImageMarkup {
    static func rewrite(_ html: [UInt8], pictures: [String: ImagePicture]) -> [UInt8] {
        let opening = Array("<img src=\"".utf8)
        var escaped: [[UInt8]: ImagePicture] = [:]
        for (url, picture) in pictures { escaped[Array(HTMLEscaping.escaped(url).utf8)] = picture }
        var output: [UInt8] = []
        output.reserveCapacity(html.count + pictures.count * 400)
        var index = 0
        while index < html.count {
            guard let start = find(opening, in: html, from: index) else { break }
            let urlStart = start + opening.count
            guard let urlEnd = html[urlStart...].firstIndex(of: UInt8(ascii: "\"")),
                  let picture = escaped[Array(html[urlStart..<urlEnd])],
                  let close = find(Array(" />".utf8), in: html, from: urlEnd)
            else {
                output += html[index..<urlStart]
                index = urlStart
                continue
            }
            let attributes = String(decoding: html[(urlEnd + 1)..<close], as: UTF8.self)
            // Raw HTML that already carries a size (its own, or added by `sized`) stays as it is.
            guard !attributes.contains(" width=") else {
                output += html[index..<urlStart]
                index = urlStart
                continue
            }
            output += html[index..<start]
            output += Array(picture.html(attributes: attributes, lazy: true).utf8)
            index = close + 3
        }
        if index < html.count { output += html[index...] }
        return output
    }

    /// Raw HTML with `width`, `height` (and `loading`, `decoding`, `srcset`, `sizes` where the
    /// author wrote none) added to each `<img>` whose `src` is a processed image and that has
    /// no size of its own; nil when nothing changes. The author's element stays as written.
    static func sized(_ literal: String, pictures: [String: ImagePicture]) -> String? {
        var bytes = Array(literal.utf8)
        var changed = false
        for tag in HTMLImageTags.find(in: literal).reversed() {
            guard let picture = pictures[tag.src], !tag.attributes.contains("width"), !tag.attributes.contains("height") else { continue }
            var added = " width=\"\(picture.width)\" height=\"\(picture.height)\""
            if !tag.attributes.contains("srcset"), !picture.srcset.isEmpty {
                added += " srcset=\"\(HTMLEscaping.escaped(picture.srcset))\" sizes=\"\(ImagePicture.sizes)\""
            }
            if picture.hints, !tag.attributes.contains("loading") { added += " loading=\"lazy\"" }
            if picture.hints, !tag.attributes.contains("decoding") { added += " decoding=\"async\"" }
            bytes.insert(contentsOf: Array(added.utf8), at: tag.insertAt)
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
