import NewsroomText

/// The `<img>` start tags of raw HTML as written: each one's `src`, the names of its attributes
/// and where more attributes can go, so sizes can be added without re-serialising the author's
/// HTML.
public enum HTMLImageTags {
    public struct Tag: Equatable, Sendable {
        /// The `src` value, quotes removed and `&amp;`/`&quot;` decoded.
        public var src: String
        /// Lower-cased names of the attributes written.
        public var attributes: Set<String>
        /// The UTF-8 offset just after the last attribute (before `/>` or `>`).
        public var insertAt: Int
    }

    public static func find(in literal: String) -> [Tag] {
        let bytes = Array(literal.utf8)
        var tags: [Tag] = []
        var index = 0
        while let (start, tag) = HTMLStartTag.next(in: bytes, from: index) {
            index = max(tag.end, start + 1)
            var nameEnd = start + 1
            while nameEnd < bytes.count, ASCII.isLetter(bytes[nameEnd]) { nameEnd += 1 }
            guard String(decoding: bytes[(start + 1)..<nameEnd], as: UTF8.self).lowercased() == "img", tag.end < bytes.count,
                  let written = tag.attributes.first(where: { $0.name == "src" })?.written else { continue }
            var value = bytes[written]
            if let first = value.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { value = value.dropFirst().dropLast() }
            let src = String(decoding: value, as: UTF8.self).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            var insertAt = tag.end
            while insertAt > start, bytes[insertAt - 1] == UInt8(ascii: "/") || ASCII.isHTMLSpace(bytes[insertAt - 1]) { insertAt -= 1 }
            tags.append(Tag(src: src, attributes: Set(tag.attributes.map(\.name)), insertAt: insertAt))
        }
        return tags
    }
}
