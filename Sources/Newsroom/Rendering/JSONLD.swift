import Foundation

/// Structured data for search engines, safe to put inside `<script type="application/ld+json">`.
enum JSONLD {
    static func newsArticle(_ item: NewsItem, url: String, image: String?, config: SiteConfig) -> String {
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

    /// JSON with `<`, `>` and `&` as `\u003c`… so no `</script>` or `<!--` can close the element.
    static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let json = String(data: data, encoding: .utf8)
        else { return "{}" }
        var output = ""
        output.reserveCapacity(json.utf8.count)
        for character in json {
            switch character {
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default: output.append(character)
            }
        }
        return output
    }
}
