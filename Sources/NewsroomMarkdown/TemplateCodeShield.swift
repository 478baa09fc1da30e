/// Keeps Markdown off template code, so it shows as written: before parsing, every character
/// inside a construct that cmark would read as markup, an entity, an autolink or smart
/// punctuation (`"` → ”, `--` → –, `...` → …) becomes a control byte, and rendering gives it back.
/// One byte for one byte, so every line and column cmark reports stays right. The second byte
/// of each construct becomes a start mark, which tells where cmark put it (code or text).
enum TemplateCodeShield {
    /// The characters kept from cmark, in the order of their stand-ins.
    private static let shielded = Array(#""'-.<>&\*_[]!~:|#=()+"#.utf8)
    /// Control bytes cmark treats as ordinary text (not tab, line feed, vertical tab, form feed
    /// or carriage return, which are spaces to it): 26 stand-ins.
    private static let standIns: [UInt8] = Array(0x01...0x08) + Array(0x0E...0x1F)
    /// Stand-ins for the second byte of a construct: `%` in `{%`, `{` in `{{`.
    static let percentStart = standIns[shielded.count]
    static let braceStart = standIns[shielded.count + 1]

    /// What each byte stands for in rendered HTML (escaped as cmark escapes text and
    /// attributes), nil for a byte that is not a stand-in.
    private static let html: [[UInt8]?] = table { byte in
        switch byte {
        case UInt8(ascii: "\""): Array("&quot;".utf8)
        case UInt8(ascii: "&"): Array("&amp;".utf8)
        case UInt8(ascii: "<"): Array("&lt;".utf8)
        case UInt8(ascii: ">"): Array("&gt;".utf8)
        default: [byte]
        }
    }
    private static let plain: [[UInt8]?] = table { [$0] }

    private static func table(_ write: (UInt8) -> [UInt8]) -> [[UInt8]?] {
        var table = [[UInt8]?](repeating: nil, count: 256)
        for (offset, byte) in shielded.enumerated() { table[Int(standIns[offset])] = write(byte) }
        table[Int(percentStart)] = [UInt8(ascii: "%")]
        table[Int(braceStart)] = [UInt8(ascii: "{")]
        return table
    }

    /// Whether `byte` is one of the stand-ins. Asked of every byte of every link and body: a
    /// control byte is looked up in a table of flags (reading `plain`'s entry copied an array).
    static func isStandIn(_ byte: UInt8) -> Bool { byte < 0x20 && isStandInByte[Int(byte)] }
    private static let isStandInByte = plain.map { $0 != nil }

    /// `bytes` with an author's own stand-in bytes (control characters no page can show) made
    /// U+FFFD, so that only ours are given back.
    static func sanitized(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: isStandIn) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if isStandIn(byte) { result += [0xEF, 0xBF, 0xBD] } else { result.append(byte) }
        }
        return result
    }

    /// Puts the stand-ins in place inside each construct. On a construct's later lines the
    /// leading spaces and `>` are left alone: they belong to the list or quote around it.
    static func shield(_ bytes: inout [UInt8], _ found: [TemplateCodeScanner.Found]) {
        var code = [UInt8?](repeating: nil, count: 256)
        for (offset, byte) in shielded.enumerated() { code[Int(byte)] = standIns[offset] }
        for construct in found {
            let second = construct.range.lowerBound + 1
            bytes[second] = bytes[second] == UInt8(ascii: "%") ? percentStart : braceStart
            var linePrefix = false
            for index in (second + 1)..<construct.range.upperBound {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    linePrefix = true
                    continue
                }
                if linePrefix, byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ">") { continue }
                linePrefix = false
                if let standIn = code[Int(byte)] { bytes[index] = standIn }
            }
        }
    }

    /// Rendered HTML with every stand-in given back, escaped.
    static func restoringHTML(_ bytes: [UInt8]) -> [UInt8] {
        restoring(bytes, with: html)
    }

    /// Plain text (heading text, a summary) with every stand-in given back as itself.
    static func restoringPlain(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: isStandIn) else { return bytes }
        return restoring(bytes, with: plain)
    }

    private static func restoring(_ bytes: [UInt8], with table: [[UInt8]?]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        for byte in bytes {
            if let original = table[Int(byte)] { result += original } else { result.append(byte) }
        }
        return result
    }
}
