import Foundation

/// Stable heading ids: computed from the heading text, written into the rendered HTML.
enum HeadingAnchors {
    /// A URL-fragment-safe id for `text`, unique within one document (`-1`, `-2` … on repeats).
    static func uniqueID(for text: String, used: inout [String: Int]) -> String {
        var base = text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiSlug(text) : unicodeSlug(text)
        if base.isEmpty { base = "section" }
        let seen = used[base, default: 0]
        used[base] = seen + 1
        return seen == 0 ? base : "\(base)-\(seen)"
    }

    /// The id's base: letters and digits lower-cased, each run of `-`, `_` and white space
    /// between them one `-`.
    static func unicodeSlug(_ text: String) -> String {
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
        return base
    }

    /// `unicodeSlug` for ASCII text, by byte (Unicode's property tables cost more than the rest).
    static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                pendingDash = false
            case UInt8(ascii: "-"), UInt8(ascii: "_"), 0x20, 0x09...0x0D:
                pendingDash = true
            default:
                continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces each `<hN>` + mark written by `CmarkTree.markHeadings` with `<hN id="…">` in
    /// cmark's rendered bytes, making the page's String once, with the ids in.
    static func insert(_ headings: [MarkdownHeading], into bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !headings.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        let markStart = Array(String(CmarkDocument.headingMarkStart).utf8)
        let markEnd = Array(String(CmarkDocument.headingMarkEnd).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headings.count * 24)
        var cursor = 0
        while let start = UTF8Search.firstIndex(of: markStart, in: bytes, from: cursor),
              let end = UTF8Search.firstIndex(of: markEnd, in: bytes, from: start),
              let index = Int(String(decoding: bytes[(start + markStart.count)..<end], as: UTF8.self)),
              headings.indices.contains(index) {
            // The mark sits right after the opening tag "<hN>": reopen it with the id.
            if start >= 4, bytes[start - 1] == UInt8(ascii: ">"), bytes[start - 4] == UInt8(ascii: "<") {
                output += bytes[cursor..<(start - 1)]
                output += " id=\"\(headings[index].id)\">".utf8
            } else {
                output += bytes[cursor..<start]
            }
            cursor = end + markEnd.count
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Every `id="…"` value in `html`, in order.
    static func ids(in html: String) -> [String] {
        let marker = Array(" id=\"".utf8)
        var html = html
        return html.withUTF8 { bytes in
            var ids: [String] = []
            var cursor = 0
            while let found = UTF8Search.firstIndex(of: marker, in: bytes, from: cursor) {
                let start = found + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                ids.append(String(decoding: bytes[start..<end], as: UTF8.self))
                cursor = end
            }
            return ids
        }
    }
}
