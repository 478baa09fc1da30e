import Foundation

/// Structured data for search engines, safe to put inside `<script type="application/ld+json">`.
enum JSONLD {
    /// Written member by member in sorted key order. Every string goes through `JSONText.quoted`,
    /// so no `</script>` or `<!--` can close the element it sits in.
    static func newsArticle(_ item: NewsItem, url: String, image: String?, config: SiteConfig) -> String {
        var output = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\""
        if let author = item.author {
            output += ",\"author\":{\"@type\":\"Organization\",\"name\":" + JSONText.quoted(author) + "}"
        }
        output += ",\"dateModified\":" + JSONText.quoted((item.updated ?? item.date).iso8601)
        output += ",\"datePublished\":" + JSONText.quoted(item.date.iso8601)
        if let summary = item.summary { output += ",\"description\":" + JSONText.quoted(summary) }
        output += ",\"headline\":" + JSONText.quoted(item.title)
        if let image { output += ",\"image\":[" + JSONText.quoted(image) + "]" }
        output += ",\"mainEntityOfPage\":" + JSONText.quoted(url)
        output += ",\"publisher\":{\"@type\":\"Organization\",\"logo\":{\"@type\":\"ImageObject\",\"url\":"
            + JSONText.quoted(config.baseURL + "assets/logo.svg") + "},\"name\":" + JSONText.quoted(config.title) + "}}"
        return output
    }
}

/// A JSON string literal that is also safe inside HTML `<script>` elements and valid as a YAML
/// double-quoted scalar: `"`, `\\` and control characters escaped, and `<`, `>`, `&`,
/// U+2028 and U+2029 as `\\u` escapes.
public enum JSONText {
    /// - Parameter htmlSafe: escape `<`, `>`, `&` too (for JSON inside HTML; off for YAML).
    public static func quoted(_ string: String, htmlSafe: Bool = true) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var output: [UInt8] = [UInt8(ascii: "\"")]
        output.reserveCapacity(string.utf8.count + 16)
        let bytes = Array(string.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<") where htmlSafe: output += Array("\\u003c".utf8)
            case UInt8(ascii: ">") where htmlSafe: output += Array("\\u003e".utf8)
            case UInt8(ascii: "&") where htmlSafe: output += Array("\\u0026".utf8)
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                // U+2028 and U+2029: line breaks to JavaScript.
                output += Array((bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            case 0..<0x20:
                output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }
}
