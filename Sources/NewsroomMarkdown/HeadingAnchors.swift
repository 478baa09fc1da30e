import Foundation

/// Stable heading ids: computed from the heading text, written into the rendered HTML.
enum HeadingAnchors {
    /// A URL-fragment-safe id for `text`, unique within one document (`-1`, `-2` … on repeats).
    static func uniqueID(for text: String, used: inout [String: Int]) -> String {
        var base = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !base.isEmpty { base += "-" }
                base.unicodeScalars.append(scalar)
                pendingDash = false
            } else if scalar == "-" || scalar == "_" || scalar.properties.isWhitespace {
                pendingDash = true
            }
        }
        if base.isEmpty { base = "section" }
        let seen = used[base, default: 0]
        used[base] = seen + 1
        return seen == 0 ? base : "\(base)-\(seen)"
    }

    /// Replaces each `<hN>` + mark written by `CmarkTree.markHeadings` with `<hN id="…">`.
    static func insert(_ headings: [MarkdownHeading], into html: String) -> String {
        guard !headings.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = Substring(html)
        while let start = rest.firstIndex(of: CmarkDocument.headingMarkStart) {
            guard let end = rest[start...].firstIndex(of: CmarkDocument.headingMarkEnd),
                  let index = Int(rest[rest.index(after: start)..<end]),
                  headings.indices.contains(index)
            else { break }
            var prefix = rest[..<start]
            // The mark sits right after the opening tag "<hN>".
            if prefix.hasSuffix(">"), let open = prefix.lastIndex(of: "<") {
                let tag = prefix[open...].dropLast()
                prefix = prefix[..<open]
                output += prefix
                output += "\(tag) id=\"\(headings[index].id)\">"
            } else {
                output += prefix
            }
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return output
    }

    /// Every `id="…"` value in `html`, in order.
    static func ids(in html: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: " id=\"") {
            let after = rest[range.upperBound...]
            guard let close = after.firstIndex(of: "\"") else { break }
            ids.append(String(after[..<close]))
            rest = after[close...]
        }
        return ids
    }
}
