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

    private static let markStart = UTF8Search.Needle(String(CmarkDocument.headingMarkStart))
    private static let markEnd = UTF8Search.Needle(String(CmarkDocument.headingMarkEnd))
    private static let idAttribute = UTF8Search.Needle(" id=\"")

    /// Replaces each `<hN>` + mark written by `CmarkTree.markHeadings` with `<hN id="…">` in
    /// cmark's rendered bytes, copying them once, with the ids in.
    static func insert(_ headings: [MarkdownHeading], into bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard !headings.isEmpty else { return Array(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headings.count * 24)
        var cursor = 0
        while let start = UTF8Search.firstIndex(of: markStart, in: bytes, from: cursor),
              let end = UTF8Search.firstIndex(of: markEnd, in: bytes, from: start),
              let index = Int(String(decoding: bytes[(start + markStart.bytes.count)..<end], as: UTF8.self)),
              headings.indices.contains(index) {
            // The mark sits right after the opening tag "<hN>": reopen it with the id.
            if start >= 4, bytes[start - 1] == UInt8(ascii: ">"), bytes[start - 4] == UInt8(ascii: "<") {
                output += bytes[cursor..<(start - 1)]
                output += " id=\"\(headings[index].id)\">".utf8
            } else {
                output += bytes[cursor..<start]
            }
            cursor = end + markEnd.bytes.count
        }
        output += bytes[cursor...]
        return output
    }

    /// Every `id="…"` value in `html`, in order.
    static func ids(in html: [UInt8]) -> [String] {
        html.withUnsafeBufferPointer { bytes in
            var ids: [String] = []
            var cursor = 0
            while let found = UTF8Search.firstIndex(of: idAttribute, in: bytes, from: cursor) {
                let start = found + idAttribute.bytes.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                ids.append(String(decoding: bytes[start..<end], as: UTF8.self))
                cursor = end
            }
            return ids
        }
    }
}
