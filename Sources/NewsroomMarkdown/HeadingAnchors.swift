import Foundation
import NewsroomText

/// Heading ids by GitHub's rule, because authors link to the ids GitHub shows them: lower case,
/// punctuation dropped except `-` and `_`, each space one `-` (nothing collapsed), letters,
/// marks and digits of any script kept, repeats numbered `-1`, `-2` as GitHub numbers them.
enum HeadingAnchors {
    /// The id for `text`, unique within one document. `used` holds each id given so far.
    static func uniqueID(for text: String, used: inout UsedHeadingIDs) -> String {
        var base = slug(text)
        // GitHub gives a heading with no letters or digits an empty id, which no link can name;
        // "section" (numbered like any other on repeats) can be linked to.
        if base.isEmpty { base = "section" }
        // As GitHub: `base-N` with the next N for this base, skipping ids already given (a
        // heading may itself read "Intro 1", whose id is "intro-1").
        var id = base
        while used.contains(id) {
            id = "\(base)-\(used.nextRepeat(of: base))"
        }
        used.insert(id)
        return id
    }

    /// The id's base: letters, marks and digits lower-cased, `-` and `_` kept, each space a
    /// `-`, everything else dropped.
    static func slug(_ text: String) -> String {
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// `slug` of an ASCII heading, byte by byte: where most headings are ASCII, lower-casing
    /// and looking up each scalar's category cost more than the rest of the parse's headings.
    /// Nil when `text` is not all ASCII.
    static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Written straight into the String's own storage: no array in between.
            var ascii = true
            let slug = String(unsafeUninitializedCapacity: bytes.count) { base in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                        base[count] = byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): base[count] = byte + 0x20
                    case UInt8(ascii: " "): base[count] = UInt8(ascii: "-")
                    case 0x80...:
                        ascii = false
                        return 0
                    default: continue
                    }
                    count += 1
                }
                return count
            }
            return ascii ? slug : nil
        }
    }

    /// `slug` of any text, by each scalar's general category.
    static func unicodeSlug(_ text: String) -> String {
        var base = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                base.unicodeScalars.append(scalar)
            default:
                if scalar == "-" || scalar == "_" {
                    base.unicodeScalars.append(scalar)
                } else if scalar == " " {
                    base += "-"
                }
            }
        }
        return base
    }

    private static let markStart = Array(String(CmarkDocument.headingMarkStart).utf8)
    private static let markEnd = Array(String(CmarkDocument.headingMarkEnd).utf8)
    private static let idAttribute = Array(" id=".utf8)

    /// Replaces each `<hN>` + mark written by `CmarkTree.markHeadings` with `<hN id="…">` in
    /// cmark's rendered bytes, copying them once, with the ids in.
    static func insert(_ headings: [MarkdownHeading], into bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard !headings.isEmpty else { return Array(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headings.count * 24)
        var cursor = 0
        while let start = UTF8Search.firstIndex(of: markStart, in: bytes, from: cursor),
              let end = UTF8Search.firstIndex(of: markEnd, in: bytes, from: start),
              let index = number(in: UnsafeBufferPointer(rebasing: bytes[(start + markStart.count)..<end])),
              headings.indices.contains(index) {
            // The mark sits right after the opening tag "<hN>": reopen it with the id.
            if start >= 4, bytes[start - 1] == UInt8(ascii: ">"), bytes[start - 4] == UInt8(ascii: "<") {
                output += bytes[cursor..<(start - 1)]
                output += idAttribute
                output.append(UInt8(ascii: "\""))
                output += headings[index].id.utf8
                output += [UInt8(ascii: "\""), UInt8(ascii: ">")]
            } else {
                output += bytes[cursor..<start]
            }
            cursor = end + markEnd.count
        }
        output += bytes[cursor...]
        return output
    }

    /// The heading number a mark holds: decimal digits (a mark is only ever written by
    /// `CmarkTree.markHeadings`), nil for anything else.
    private static func number(in digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Every `id` attribute's value in `html`, in order: double-quoted as cmark writes them, and
    /// single-quoted or bare as an author may write them in raw HTML.
    static func ids(in html: [UInt8]) -> [String] {
        html.withUnsafeBufferPointer { bytes in
            var ids: [String] = []
            var cursor = 0
            while let found = UTF8Search.firstIndex(of: idAttribute, in: bytes, from: cursor) {
                var start = found + idAttribute.count
                let quote: UInt8? = start < bytes.count && (bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'")) ? bytes[start] : nil
                if quote != nil { start += 1 }
                var end = start
                while end < bytes.count {
                    let byte = bytes[end]
                    if let quote, byte == quote { break }
                    if quote == nil, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
                    end += 1
                }
                if end > start { ids.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
                cursor = end
            }
            return ids
        }
    }
}
