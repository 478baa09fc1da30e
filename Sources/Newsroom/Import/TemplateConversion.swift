import Foundation

/// Template code of other generators (Jekyll's Liquid, Hugo's shortcodes, WordPress's
/// shortcodes) turned into the plain Markdown or HTML it stood for, where it has a static
/// meaning. What has none stays as written, for `leftovers` to report.
struct TemplateConversion {
    /// What a link-making construct points at, for the importer to resolve.
    enum Target {
        /// `{% post_url 2019-03-08-name %}`
        case post(String)
        /// `{% link _posts/2019-03-08-name.md %}`, `{{< ref "posts/x.md" >}}`: a source file.
        case file(String)
    }

    /// The link to write for a target, or nil when it names nothing imported.
    var resolve: (Target) -> String?
    /// How many constructs were converted.
    private(set) var converted = 0
    /// Link-making constructs that named nothing, with their body line.
    private(set) var unresolved: [(text: String, line: Int)] = []

    init(resolve: @escaping (Target) -> String?) {
        self.resolve = resolve
    }

    mutating func jekyll(_ text: String) -> String {
        var text = text
        text = replace(#"\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\n?([\s\S]*?)\n?\{%-?\s*endhighlight\s*-?%\}"#, in: text) { groups in
            "```\(groups[1])\n\(groups[2])\n```"
        }
        text = replace(#"\{%-?\s*(?:end)?raw\s*-?%\}"#, in: text) { _ in "" }
        text = replace(#"\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}"#, in: text) { [resolve] groups in
            resolve(.post(groups[1]))
        }
        text = replace(#"\{%-?\s*link\s+([^\s%]+)\s*-?%\}"#, in: text) { [resolve] groups in
            resolve(.file(groups[1]))
        }
        text = replace(#"\{\{-?\s*["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}"#, in: text) { groups in
            groups[1].hasPrefix("/") || groups[1].contains("://") ? groups[1] : "/" + groups[1]
        }
        text = replace(#"\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}"#, in: text) { _ in "" }
        text = replace(#"\{%-?\s*include\s+(?:youtube|video|vimeo|youtube-video|youtubePlayer)(?:\.html)?\s+(?:(?:id|url|video_id)\s*=\s*)?["']?([^"'\s%]+)["']?[^%]*-?%\}"#, in: text) { groups in
            Self.videoLink(groups[1], vimeo: groups[0].contains("vimeo"))
        }
        text = replace(#"\{%-?\s*(youtube|vimeo)\s+["']?([^"'\s%]+)["']?\s*-?%\}"#, in: text) { groups in
            Self.videoLink(groups[2], vimeo: groups[1] == "vimeo")
        }
        return text
    }

    mutating func hugo(_ text: String) -> String {
        var text = text
        let open = #"\{\{[<%]\s*"#, close = #"\s*[>%]\}\}"#
        text = replace(open + #"highlight\s+"?([\w+#.-]+)"?[^>%]*"# + close + #"\n?([\s\S]*?)\n?"# + open + #"/\s*highlight"# + close, in: text) { groups in
            "```\(groups[1])\n\(groups[2])\n```"
        }
        text = replace(open + #"(?:ref|relref)\s+"([^"]+)""# + close, in: text) { [resolve] groups in
            let parts = groups[1].split(separator: "#", maxSplits: 1)
            return resolve(.file(String(parts[0]))).map { parts.count > 1 ? $0 + "#" + parts[1] : $0 }
        }
        text = replace(open + #"(youtube|vimeo)\s+(?:id=)?"?([\w-]+)"?[^>%]*"# + close, in: text) { groups in
            Self.videoLink(groups[2], vimeo: groups[1] == "vimeo")
        }
        text = replace(open + #"figure\s+([^>%]*?)"# + close, in: text) { groups in
            let attributes = Self.attributes(groups[1])
            guard let src = attributes["src"] else { return nil }
            let caption = attributes["caption"] ?? attributes["title"]
            let alt = attributes["alt"] ?? caption ?? ""
            return "![\(alt)](\(src))" + (caption.map { "\n*\($0)*" } ?? "")
        }
        return text
    }

    mutating func wordpress(_ text: String) -> String {
        var text = text
        text = replace(#"\[caption([^\]]*)\]([\s\S]*?)\[/caption\]"#, in: text) { groups in
            // The caption is the text after the image (and the link around it, if any).
            let inner = groups[2]
            let end = inner.range(of: "</a>", options: .backwards) ?? inner.range(of: ">", options: .backwards)
            let media = end.map { String(inner[..<$0.upperBound]) } ?? inner
            let caption = end.map { String(inner[$0.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            let fallback = Self.attributes(groups[1])["caption"] ?? ""
            return "<figure>\(media.trimmingCharacters(in: .whitespacesAndNewlines))<figcaption>\(caption.isEmpty ? fallback : caption)</figcaption></figure>"
        }
        text = replace(#"\[embed[^\]]*\]\s*(\S+?)\s*\[/embed\]"#, in: text) { groups in
            "<a href=\"\(groups[1])\">\(groups[1])</a>"
        }
        text = replace(#"\[(video|audio)\b[^\]]*?\b(?:src|mp4|m4v|webm|ogv|mp3|ogg|wav)\s*=\s*"([^"]+)"[^\]]*\](?:\s*\[/\1\])?"#, in: text) { groups in
            "<a href=\"\(groups[2])\">\(groups[2])</a>"
        }
        // The block editor's markers are comments with no meaning outside WordPress.
        text = replace(#"<!-- /?wp:[^>]*?-->\n?"#, in: text) { _ in "" }
        // WordPress shows a video URL alone on its line as the video itself.
        text = replace(#"(?m)^[ \t]*(https?://(?:www\.)?(?:youtube\.com/watch\?v=[\w-]+|youtu\.be/[\w-]+|vimeo\.com/\d+)\S*)[ \t]*$"#, in: text) { groups in
            "<p><a href=\"\(groups[1])\">\(groups[1])</a></p>"
        }
        return text
    }

    /// Template code still in `text` after conversion, with its body line: Liquid tags and
    /// expressions, Hugo shortcodes, WordPress shortcodes.
    static func leftovers(in text: String, wordpress: Bool) -> [(text: String, line: Int)] {
        var patterns = [#"\{%[\s\S]*?%\}"#, #"\{\{[<%][\s\S]*?[>%]\}\}"#, #"\{\{(?![<%])[\s\S]*?\}\}"#]
        // kramdown's attribute lists (`{: .lead}`, `{:toc}`) mean nothing to cmark-gfm.
        if !wordpress { patterns.append(#"\{:[^}\n]*\}"#) }
        if wordpress { patterns.append(#"\[/?(?:[a-z][a-z0-9_-]*)(?:\s+[^\]\n]*=[^\]\n]*)?\](?!\()"#) }
        let string = text as NSString
        let code = LinkScanner.fencedCode(in: text)
        var found: [(String, Int)] = []
        for pattern in patterns {
            let regex = CompiledPattern.regex(pattern)
            for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                guard !code.contains(where: { NSLocationInRange(match.range.location, $0) }) else { continue }
                let snippet = string.substring(with: match.range)
                if wordpress, pattern.hasPrefix(#"\[/?"#), !Self.looksLikeShortcode(snippet) { continue }
                found.append((snippet, LinkScanner.lineNumber(of: match.range.location, in: string)))
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }

    /// `[gallery ids="1,2"]`, `[/column]` or a known name: text such as `[sic]` is not one.
    private static func looksLikeShortcode(_ text: String) -> Bool {
        let known = ["gallery", "audio", "video", "playlist", "embed", "caption", "contact-form", "contact-form-7", "wpforms", "youtube", "vimeo"]
        let name = text.dropFirst().drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        return text.contains("=") || text.hasPrefix("[/") || known.contains(String(name))
    }

    static func videoLink(_ id: String, vimeo: Bool) -> String {
        if id.contains("://") { return "[\(id)](\(id))" }
        let url = vimeo ? "https://vimeo.com/\(id)" : "https://www.youtube.com/watch?v=\(id)"
        return "[Video: \(url)](\(url))"
    }

    /// `src="a.png" alt='b' width=3` → its pairs.
    static func attributes(_ text: String) -> [String: String] {
        let regex = CompiledPattern.regex(#"([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))"#)
        let string = text as NSString
        var pairs: [String: String] = [:]
        for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
            let value = [2, 3, 4].first { match.range(at: $0).location != NSNotFound }.map { string.substring(with: match.range(at: $0)) } ?? ""
            pairs[string.substring(with: match.range(at: 1)).lowercased()] = value
        }
        return pairs
    }

    /// Replaces every match of `pattern` outside fenced code with what `make` returns for its
    /// groups; a nil keeps the match and records it as unresolved.
    private mutating func replace(_ pattern: String, in text: String, _ make: ([String]) -> String?) -> String {
        let regex = CompiledPattern.regex(pattern)
        let string = text as NSString
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: string.length))
        guard !matches.isEmpty else { return text }
        let code = pattern.contains("highlight") ? [] : LinkScanner.fencedCode(in: text)
        let result = NSMutableString(string: text)
        for match in matches.reversed() {
            guard !code.contains(where: { NSLocationInRange(match.range.location, $0) }) else { continue }
            let groups = (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : string.substring(with: match.range(at: $0)) }
            if let replacement = make(groups) {
                result.replaceCharacters(in: match.range, with: replacement)
                converted += 1
            } else {
                unresolved.append((groups[0], LinkScanner.lineNumber(of: match.range.location, in: string)))
            }
        }
        return result as String
    }
}
