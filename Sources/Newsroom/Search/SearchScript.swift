/// The index as a classic script: it pushes one object onto the global `newsroomSearch` queue,
/// which `search.js` reads whenever it loads, before or after the index (no `fetch`, no module,
/// so it works from `file://`). A part holds
/// `{"part", "docs": [[url, title, day, date, summary, tags joined by a tab], …],
///   "terms": "term term …", "postings": ["delta,delta,…", …]}`;
/// a split index's first file holds `{"parts": [[name, file, count], …]}` and `search.js`
/// loads the parts it names on demand. Postings are the differences between successive
/// numbers, in base 36: short, and the same few values over and over, which gzip well.
enum SearchScript {
    /// The format `search.js` reads; a change to it changes every part's key.
    static let version = 1

    static func part(_ name: String, _ index: SearchIndex) -> String {
        var output = "(self.newsroomSearch=self.newsroomSearch||[]).push({\"v\":\(version),\"part\":\(JSONText.quoted(name, htmlSafe: false)),\"docs\":[\n"
        for (number, document) in index.documents.enumerated() {
            let fields = [document.url, document.title, document.day, document.dateText, document.summary, document.tags.joined(separator: "\t")]
            output += "[" + fields.map { JSONText.quoted($0, htmlSafe: false) }.joined(separator: ",") + "]"
            output += number + 1 < index.documents.count ? ",\n" : "\n"
        }
        output += "],\"terms\":" + JSONText.quoted(index.terms.joined(separator: " "), htmlSafe: false) + ",\"postings\":[\n"
        // Millions of small numbers at 10,000 items: written as bytes, not one string each.
        var bytes = Array(output.utf8)
        for number in index.terms.indices {
            bytes.append(UInt8(ascii: "\""))
            var previous = 0
            for (position, value) in index.postings(of: number).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendBase36(Int(value) - previous, to: &bytes)
                previous = Int(value)
            }
            bytes.append(UInt8(ascii: "\""))
            if number + 1 < index.terms.count { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\n"))
        }
        bytes += "]});\n".utf8
        return String(decoding: bytes, as: UTF8.self)
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
