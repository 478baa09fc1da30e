import Foundation

/// Structured data for search engines, safe to put inside `<script type="application/ld+json">`.
enum JSONLD {
    /// Written member by member in sorted key order. Every string goes through `JSONText.quoted`,
    /// so no `</script>` or `<!--` can close the element it sits in.
    static func newsArticle(_ item: NewsItem, url: String, image: String?, config: SiteConfig) -> [UInt8] {
        // Into one buffer: made of Strings, each member and its concatenations were copies.
        var output: [UInt8] = []
        output.reserveCapacity(768)
        func raw(_ text: StaticString) {
            output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func quoted(_ text: String) { JSONText.append(text, to: &output) }
        raw("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"")
        if let author = item.author {
            raw(",\"author\":{\"@type\":\"Organization\",\"name\":")
            quoted(author)
            raw("}")
        }
        let published = item.date.iso8601
        raw(",\"dateModified\":")
        quoted(item.updated?.iso8601 ?? published)
        raw(",\"datePublished\":")
        quoted(published)
        if let summary = item.summary {
            raw(",\"description\":")
            quoted(summary)
        }
        raw(",\"headline\":")
        quoted(item.title)
        if let image {
            raw(",\"image\":[")
            quoted(image)
            raw("]")
        }
        raw(",\"mainEntityOfPage\":")
        quoted(url)
        raw(",\"publisher\":{\"@type\":\"Organization\",\"logo\":{\"@type\":\"ImageObject\",\"url\":")
        quoted(config.baseURL + "assets/logo.svg")
        raw("},\"name\":")
        quoted(config.title)
        raw("}}")
        return output
    }
}

/// A JSON string literal that is also safe inside HTML `<script>` elements and valid as a YAML
/// double-quoted scalar: `"`, `\\` and control characters escaped, and `<`, `>`, `&`,
/// U+2028 and U+2029 as `\\u` escapes.
public enum JSONText {
    /// - Parameter htmlSafe: escape `<`, `>`, `&` too (for JSON inside HTML; off for YAML).
    public static func quoted(_ string: String, htmlSafe: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count + 16)
        append(string, htmlSafe: htmlSafe, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `quoted`, appended to `output`.
    static func append(_ string: String, htmlSafe: Bool = true, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            // Runs of bytes that need nothing are copied whole.
            var start = 0
            var index = 0
            func replace(_ count: Int, with escape: StaticString) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                index += count
                start = index
            }
            while index < bytes.count {
                if index + 8 <= bytes.count, !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): replace(1, with: "\\\"")
                case UInt8(ascii: "\\"): replace(1, with: "\\\\")
                case UInt8(ascii: "\n"): replace(1, with: "\\n")
                case UInt8(ascii: "\r"): replace(1, with: "\\r")
                case UInt8(ascii: "\t"): replace(1, with: "\\t")
                case UInt8(ascii: "<") where htmlSafe: replace(1, with: "\\u003c")
                case UInt8(ascii: ">") where htmlSafe: replace(1, with: "\\u003e")
                case UInt8(ascii: "&") where htmlSafe: replace(1, with: "\\u0026")
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029: line breaks to JavaScript.
                    replace(3, with: bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                case 0..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                               hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)]])
                    index += 1
                    start = index
                default:
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            output.append(UInt8(ascii: "\""))
        }
    }

    /// Whether any of 8 bytes (one word, as it lies in memory) may need an escape: a control
    /// byte, `"`, `\\`, `<`, `>`, `&`, or 0xE2 (which U+2028 and U+2029 start with). `"` and
    /// `&` are `&` once bit 2 is set, `<` and `>` are `>` once bit 1 is; a byte equal to `c` is a
    /// zero byte of the word xor `c` in every byte, which the borrow of subtracting 1 shows.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return (word &- ones &* 0x20) & ~word & highs != 0
            || hasZeroByte((word | ones &* 0x04) ^ (ones &* 0x26))
            || hasZeroByte((word | ones &* 0x02) ^ (ones &* 0x3E))
            || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }
}
