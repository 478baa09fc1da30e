import Foundation
import Testing
@testable import Newsroom

/// The item page's JSON-LD is written member by member; it must equal the sorted-key encoding
/// of the same object, for items with and without the optional members and with hostile text.
@Suite struct JSONLDTests {
    static func reference(_ item: NewsItem, url: String, image: String?, config: SiteConfig) -> String {
        var article: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": item.title,
            "datePublished": item.date.iso8601,
            "dateModified": (item.updated ?? item.date).iso8601,
            "mainEntityOfPage": url,
            "publisher": [
                "@type": "Organization",
                "name": config.title,
                "logo": ["@type": "ImageObject", "url": config.baseURL + "assets/logo.svg"],
            ] as [String: Any],
        ]
        if let image { article["image"] = [image] }
        if let author = item.author { article["author"] = ["@type": "Organization", "name": author] }
        if let summary = item.summary { article["description"] = summary }
        return encode(article)
    }

    /// JSON with sorted keys, each string through `JSONText.quoted`: the encoder the item
    /// page's JSON-LD was written with before it was written member by member.
    static func encode(_ value: Any) -> String {
        switch value {
        case let string as String:
            return JSONText.quoted(string)
        case let dictionary as [String: Any]:
            return "{" + dictionary.keys.sorted().map { JSONText.quoted($0) + ":" + encode(dictionary[$0]!) }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + array.map(encode).joined(separator: ",") + "]"
        default:
            return "null"
        }
    }

    static func loadNewsSite(_ site: TestSite) throws -> SiteSource {
        var log = DiagnosticLog()
        return try #require(SiteLoader.load(site: SourceFolder(url: site.site, displayName: "site"), themes: SourceFolder(url: site.themes, displayName: "themes"), baseURLOverride: nil, cleanURLs: nil, log: &log))
    }

    @Test func cannotCloseItsScript() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let source = try Self.loadNewsSite(site)
        var item = source.items[0]
        let title = "</script><script>alert(1)</script><!-- \u{2028} & \"quoted\""
        item.title = title
        let json = String(decoding: JSONLD.newsArticle(item, url: "https://news.example.org/x/", image: nil, config: source.config), as: UTF8.self)
        #expect(!json.contains("</script>"))
        #expect(!json.contains("<!--"))
        #expect(json.contains("\\u003c/script\\u003e"))
        #expect(json.contains("\\u2028"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(parsed?["headline"] as? String == title)
    }

    @Test func matchesTheSortedKeyEncoding() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let source = try Self.loadNewsSite(site)
        var items = source.items
        var hostile = items[0]
        hostile.title = "</script><!-- \"x\" & \u{2028} \\ \t"
        hostile.author = "A & B <b>"
        hostile.summary = "line\nbreak \u{1}"
        hostile.updated = items[1].date
        items.append(hostile)
        var bare = items[0]
        bare.author = nil
        bare.summary = nil
        bare.updated = nil
        items.append(bare)
        #expect(items.contains { $0.author != nil } && items.contains { $0.author == nil })
        for item in items {
            for image in [nil, "https://news.example.org/a b.svg?x=<1>"] as [String?] {
                let url = "https://news.example.org/news/\(item.slug)/"
                #expect(String(decoding: JSONLD.newsArticle(item, url: url, image: image, config: source.config), as: UTF8.self) == Self.reference(item, url: url, image: image, config: source.config))
            }
        }
    }
}

/// `JSONText.quoted` works on bytes; it must give what the scalar-by-scalar version gave.
@Suite struct JSONTextTests {
    static func reference(_ string: String, htmlSafe: Bool) -> String {
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

    /// Plain runs are skipped a word at a time: the pieces put escapes at every offset of a word.
    @Test func matchesTheScalarVersion() {
        let pieces = ["a", "é", "日本", "🙂", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{1}", "\u{1F}", "\u{7F}", " ", "</script>", "\u{E2}", "plain runs of words"]
        var state: UInt64 = 7
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            for htmlSafe in [true, false] {
                #expect(JSONText.quoted(text, htmlSafe: htmlSafe) == Self.reference(text, htmlSafe: htmlSafe), "\(text.debugDescription)")
            }
        }
    }
}
