/// The index as a classic script: it pushes one object onto the global `newsroomSearch` queue,
/// which `search.js` reads whenever it loads, before or after the index (no `fetch`, no module,
/// so it works from `file://`). A part holds
/// `{"part", "docs": [[url, title, day, date, summary, tags joined by a tab], …],
///   "terms": "term term …", "postings": ["delta,delta,…", …]}`;
/// a split index's first file holds `{"parts": [[name, file, count], …]}` and `search.js`
/// loads the parts it names on demand. Postings are the differences between successive
/// numbers, in base 36: measured, they gzip to about half of plain numbers.
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
        for (number, list) in index.postings.enumerated() {
            var previous = 0
            var encoded = ""
            for value in list {
                if !encoded.isEmpty { encoded += "," }
                encoded += String(value - previous, radix: 36)
                previous = value
            }
            output += "\"" + encoded + "\""
            output += number + 1 < index.postings.count ? ",\n" : "\n"
        }
        return output + "]});\n"
    }

    /// The first file of a split index: the parts, newest first, with their item counts.
    static func manifest(_ parts: [(name: String, file: String, count: Int)]) -> String {
        let list = parts.map { "[\(JSONText.quoted($0.name, htmlSafe: false)),\(JSONText.quoted($0.file, htmlSafe: false)),\($0.count)]" }
        return "(self.newsroomSearch=self.newsroomSearch||[]).push({\"v\":\(version),\"parts\":[\n" + list.joined(separator: ",\n") + "\n]});\n"
    }
}
