import Foundation

/// Structured data for search engines, safe to put inside `<script type="application/ld+json">`.
enum JSONLD {
    /// Written member by member in sorted key order, as `encode` would write the same object.
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

    /// JSON with sorted keys and `<`, `>`, `&`, U+2028/9 as `\u` escapes, so no `</script>` or
    /// `<!--` can close the element it sits in.
    static func encode(_ object: [String: Any]) -> String {
        var output = ""
        write(object, into: &output)
        return output
    }

    private static func write(_ value: Any, into output: inout String) {
        switch value {
        case let string as String:
            writeString(string, into: &output)
        case let dictionary as [String: Any]:
            output += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, into: &output)
                output += ":"
                write(dictionary[key]!, into: &output)
            }
            output += "}"
        case let array as [Any]:
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                write(element, into: &output)
            }
            output += "]"
        case let int as Int:
            output += String(int)
        case let bool as Bool:
            output += bool ? "true" : "false"
        default:
            output += "null"
        }
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += JSONText.quoted(string)
    }
}

/// A JSON string literal that is also safe inside HTML `<script>` elements and valid as a YAML
/// double-quoted scalar: `"`, `\\` and control characters escaped, and `<`, `>`, `&`,
/// U+2028 and U+2029 as `\\u` escapes.
public enum JSONText {
    /// - Parameter htmlSafe: escape `<`, `>`, `&` too (for JSON inside HTML; off for YAML).
    public static func quoted(_ string: String, htmlSafe: Bool = true) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            if !htmlSafe, scalar == "<" || scalar == ">" || scalar == "&" {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
