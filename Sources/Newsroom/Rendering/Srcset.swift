import NewsroomText

/// The image candidates of a `srcset` value (`a.png 1x, b.png 2x`), read as HTML's "parse a
/// srcset attribute" does: a URL is a run without spaces, descriptors follow until a comma.
enum Srcset {
    struct URL: Equatable {
        /// UTF-8 offsets of the URL in the value.
        var url: Range<Int>
        /// The URL with its descriptors: what goes when the candidate is dropped.
        var candidate: Range<Int>
    }

    static func urls(in value: String) -> [URL] {
        let bytes = Array(value.utf8)
        var found: [URL] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, ASCII.isHTMLSpace(bytes[index]) || bytes[index] == UInt8(ascii: ",") { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, !ASCII.isHTMLSpace(bytes[index]) { index += 1 }
            var end = index
            if bytes[end - 1] == UInt8(ascii: ",") {
                // `a.png,` ends its candidate: no descriptors.
                while end > start, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
                if end > start { found.append(URL(url: start..<end, candidate: start..<end)) }
                continue
            }
            var depth = 0
            while index < bytes.count, !(bytes[index] == UInt8(ascii: ",") && depth <= 0) {
                if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
                index += 1
            }
            var candidateEnd = index
            while candidateEnd > end, ASCII.isHTMLSpace(bytes[candidateEnd - 1]) { candidateEnd -= 1 }
            found.append(URL(url: start..<end, candidate: start..<candidateEnd))
        }
        return found
    }
}
