/// The index as a classic script: it pushes one object onto the global `newsroomSearch` queue,
/// which `search.js` reads whenever it loads, before or after the index (no `fetch`, no module,
/// so it works from `file://`). A part holds
/// `{"v", "part", "count", "docs": "url␟title␟day␟date␟summary␟tags joined by a tab␞…",
///   "terms": "term term …", "postings": "delta,delta,…;delta,…;…"}`:
/// every field one string literal, which Chromium scans in a fraction of the time it takes to
/// compile an array literal of tens of thousands of strings (PERFORMANCE.md, "Search"), and
/// `search.js` splits them on its first query. Documents are separated by U+001E and their
/// fields by U+001F, terms by a space, the postings of successive terms by `;`.
/// A split index's first file holds `{"parts": [[name, file, count], …]}` and `search.js`
/// loads the parts it names on demand. Postings are the differences between successive
/// numbers, in base 36: short, and the same few values over and over, which gzip well.
enum SearchScript {
    /// The format `search.js` reads; a change to it changes every part's key.
    static let version = 2

    static let documentSeparator: Character = "\u{1E}"
    static let fieldSeparator: Character = "\u{1F}"

    static func part(_ name: String, _ index: SearchIndex) -> String {
        let documents = index.documents.map { document in
            [document.url, document.title, document.day, document.dateText, document.summary,
             document.tags.map { cleaned($0, also: "\t") }.joined(separator: "\t")]
                .map { cleaned($0) }
                .joined(separator: String(fieldSeparator))
        }
        var output = "(self.newsroomSearch=self.newsroomSearch||[]).push({\"v\":\(version),\"part\":\(JSONText.quoted(name, htmlSafe: false)),\"count\":\(index.documents.count),\n\"docs\":"
        output += JSONText.quoted(documents.joined(separator: String(documentSeparator)), htmlSafe: false)
        output += ",\n\"terms\":" + JSONText.quoted(index.terms.joined(separator: " "), htmlSafe: false) + ",\n\"postings\":\""
        // Millions of small numbers at 10,000 items: written as bytes, not one string each.
        var bytes = Array(output.utf8)
        for number in index.terms.indices {
            if number > 0 { bytes.append(UInt8(ascii: ";")) }
            var previous = 0
            for (position, value) in index.postings(of: number).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendBase36(Int(value) - previous, to: &bytes)
                previous = Int(value)
            }
        }
        bytes += "\"});\n".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A field with the separators it could hold replaced by spaces, so that splitting finds
    /// exactly the fields written (a tab is a separator inside the tags field).
    private static func cleaned(_ field: String, also extra: Character? = nil) -> String {
        guard field.contains(where: { $0 == documentSeparator || $0 == fieldSeparator || $0 == extra }) else { return field }
        return String(field.map { $0 == documentSeparator || $0 == fieldSeparator || $0 == extra ? " " : $0 })
    }

    /// `String(value, radix: 36)`, appended.
    static func appendBase36(_ value: Int, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(rest % 36)
                buffer[count] = digit < 10 ? digit + 48 : digit + 87
                count += 1
                rest /= 36
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// The first file of a split index: the parts, newest first, with their item counts.
    static func manifest(_ parts: [(name: String, file: String, count: Int)]) -> String {
        let list = parts.map { "[\(JSONText.quoted($0.name, htmlSafe: false)),\(JSONText.quoted($0.file, htmlSafe: false)),\($0.count)]" }
        return "(self.newsroomSearch=self.newsroomSearch||[]).push({\"v\":\(version),\"parts\":[\n" + list.joined(separator: ",\n") + "\n]});\n"
    }
}
