/// The index as a classic script: it pushes one object onto the global `newsroomSearch` queue,
/// which `search.js` reads whenever it loads, before or after the index (no `fetch`, no module,
/// so it works from `file://`). A part holds
/// `{"v", "part", "count", "docs": "url␟title␟day␟date␟summary␟tags joined by a tab␞…",
///   "terms": "term term …", "postings": "differences of term 1;differences of term 2;…"}`:
/// every field one string literal, which Chromium scans in a fraction of the time it takes to
/// compile an array literal of tens of thousands of strings (PERFORMANCE.md, "Search"), and
/// `search.js` splits them on its first query. Documents are separated by U+001E and their
/// fields by U+001F, terms by a space, the postings of successive terms by `;`.
/// A split index's first file holds `{"parts": [[name, file, count], …]}` and `search.js`
/// loads the parts it names on demand. Postings are the differences between successive
/// numbers (`appendDifference`): short, and the same few values over and over, which gzip well.
/// Every character past ASCII is written as a `\u` escape: a script of ASCII alone is read as
/// one byte a character, where one `“` makes the browser hold the whole script in UTF-16.
enum SearchScript {
    /// The format `search.js` reads; a change to it changes every part's key.
    static let version = 2

    static let documentSeparator: Character = "\u{1E}"
    static let fieldSeparator: Character = "\u{1F}"

    static func part(_ name: String, _ index: SearchIndex) -> String {
        part(name, index, documents: documents(index.documents))
    }

    /// The script of a part whose documents `documents(_:)` wrote: the same documents make the
    /// same bytes whatever their terms, so `serve` keeps them for the body edits that follow.
    static func part(_ name: String, _ index: SearchIndex, documents: [UInt8]) -> String {
        let head = asciiOnly(Array("(self.newsroomSearch=self.newsroomSearch||[]).push({\"v\":\(version),\"part\":\(JSONText.quoted(name, htmlSafe: false)),\"count\":\(index.documents.count),\n\"docs\":".utf8))
        var bytes = Array((",\n\"terms\":" + JSONText.quoted(index.terms.joined(separator: " "), htmlSafe: false) + ",\n\"postings\":\"").utf8)
        // Millions of small numbers at 10,000 items: written as bytes, not one string each.
        for number in index.terms.indices {
            if number > 0 { bytes.append(UInt8(ascii: ";")) }
            var previous = 0
            for value in index.postings(of: number) {
                appendDifference(Int(value) - previous, to: &bytes)
                previous = Int(value)
            }
        }
        bytes += "\"});\n".utf8
        return String(decoding: head + documents + asciiOnly(bytes), as: UTF8.self)
    }

    /// The value of a part's `"docs"`, as its script holds it.
    static func documents(_ documents: [SearchDocument]) -> [UInt8] {
        let texts = documents.map { document in
            [document.url, document.title, document.day, document.dateText, document.summary,
             document.tags.map { cleaned($0, also: "\t") }.joined(separator: "\t")]
                .map { cleaned($0) }
                .joined(separator: String(fieldSeparator))
        }
        return asciiOnly(Array(JSONText.quoted(texts.joined(separator: String(documentSeparator)), htmlSafe: false).utf8))
    }

    /// A difference with no separator: its last digit in base 36 as `a`–`z` then `0`–`9`, the
    /// digits before it in base 26 as `A`–`Z`, most significant first (`search.js` reads an
    /// upper-case letter as "more to come"). Most differences are below 36: one character.
    static func appendDifference(_ value: Int, to bytes: inout [UInt8]) {
        let last = UInt8(value % 36)
        var rest = value / 36
        if rest > 0 {
            // Written from the end: millions of postings, no array each.
            var count = 0
            var counting = rest
            while counting > 0 { count += 1; counting /= 26 }
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "A"), count: count))
            for offset in stride(from: count - 1, through: 0, by: -1) {
                bytes[start + offset] += UInt8(rest % 26)
                rest /= 26
            }
        }
        bytes.append(last < 26 ? UInt8(ascii: "a") + last : UInt8(ascii: "0") + last - 26)
    }

    /// The bytes with every scalar past ASCII as `\uXXXX` (two, a surrogate pair, past
    /// U+FFFF). Such scalars only occur inside string literals, where the escape means the same.
    static func asciiOnly(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x80 else {
                output.append(lead)
                index += 1
                continue
            }
            // The bytes come from Swift strings: valid UTF-8, so the lead byte gives the length.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += length
            let units: [UInt32] = scalar > 0xFFFF
                ? [0xD800 + ((scalar - 0x10000) >> 10), 0xDC00 + ((scalar - 0x10000) & 0x3FF)]
                : [scalar]
            for unit in units {
                output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 0xF)], hex[Int(unit >> 4 & 0xF)], hex[Int(unit & 0xF)]]
            }
        }
        return output
    }

    /// A field with the separators it could hold replaced by spaces, so that splitting finds
    /// exactly the fields written (a tab is a separator inside the tags field).
    private static func cleaned(_ field: String, also extra: Character? = nil) -> String {
        // Checked on the bytes: every field of every item passes here, and almost none holds one.
        let extraByte = extra?.asciiValue
        guard field.utf8.contains(where: { $0 == 0x1E || $0 == 0x1F || $0 == extraByte }) else { return field }
        return String(field.map { $0 == documentSeparator || $0 == fieldSeparator || $0 == extra ? " " : $0 })
    }

    /// The first file of a split index: the parts, newest first, with their item counts.
    static func manifest(_ parts: [(name: String, file: String, count: Int)]) -> String {
        let list = parts.map { "[\(JSONText.quoted($0.name, htmlSafe: false)),\(JSONText.quoted($0.file, htmlSafe: false)),\($0.count)]" }
        return "(self.newsroomSearch=self.newsroomSearch||[]).push({\"v\":\(version),\"parts\":[\n" + list.joined(separator: ",\n") + "\n]});\n"
    }
}
