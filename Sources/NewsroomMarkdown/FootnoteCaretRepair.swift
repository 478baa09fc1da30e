import CCmarkGFM
import Foundation

/// cmark-gfm (0.29.0.gfm.6) parsing with footnotes takes a `[` followed by an escaped or an
/// entity caret (`[\^n]`, `[&#94;n]`, `[&Hat;n]`) for a footnote reference, then reads the
/// label's bytes past the caret's own one-byte text: `[\^n]` comes out `[^n]]`, and for an
/// entity the bytes read are not the text's at all, so a NUL among them cuts the rest of the
/// body from the HTML. CommonMark makes text of both, `[^n]`.
///
/// Where such a bracket is text, the same number of bytes is written so that it reads as that
/// text and nothing else moves: `\[^` for `[\^`, `&#91;^` (the number padded with zeros to the
/// length) for `[` and a caret entity. A bracket inside code, raw HTML or a link destination is
/// left alone: only the parser knows which is which, so a body holding such a bracket at all
/// (rare) is parsed once more without footnotes, and the brackets inside its text nodes' source
/// spans are the ones repaired.
enum FootnoteCaretRepair {
    /// The bytes to parse instead of `bytes`, or nil when nothing needs repairing. `parse`
    /// parses bytes into a document (arena memory, not freed) without footnotes.
    static func repaired(_ bytes: UnsafeBufferPointer<UInt8>, parse: (UnsafeBufferPointer<UInt8>) -> OpaquePointer?) -> [UInt8]? {
        let brackets = suspects(in: bytes)
        guard !brackets.isEmpty, let document = parse(bytes) else { return nil }
        let lines = lineStarts(in: bytes)
        func offset(line: Int32, column: Int32) -> Int? {
            guard line >= 1, line <= lines.count, column >= 1 else { return nil }
            return lines[Int(line) - 1] + Int(column) - 1
        }
        // The brackets inside text (the text of a line is one node, from its first byte to its last).
        var taken: [Int] = []
        guard let iterator = cmark_iter_new(document) else { return nil }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_TEXT,
                  let first = offset(line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node)),
                  let last = offset(line: cmark_node_get_end_line(node), column: cmark_node_get_end_column(node)), first <= last else { continue }
            taken += brackets.keys.filter { (first...last).contains($0) }
        }
        guard !taken.isEmpty else { return nil }
        var repaired = Array(bytes)
        for offset in taken {
            let replacement = brackets[offset]!
            repaired.replaceSubrange(offset..<offset + replacement.count, with: replacement)
        }
        return repaired
    }

    /// Each `[` followed by an escaped or entity caret, by offset, with the bytes that read as
    /// the same text without a bracket to open (as long as what they replace).
    static func suspects(in bytes: UnsafeBufferPointer<UInt8>) -> [Int: [UInt8]] {
        var found: [Int: [UInt8]] = [:]
        guard let base = bytes.baseAddress else { return found }
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "[")), bytes.count - from) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = offset + 1
            if from + 1 < bytes.count, bytes[from] == UInt8(ascii: "\\"), bytes[from + 1] == UInt8(ascii: "^") {
                found[offset] = Array(#"\[^"#.utf8)
            } else if let length = caretEntityLength(bytes, at: from) {
                // `&#` and `;^` around the digits of 91 ('['), padded to the bytes replaced.
                let digits = length + 1 - 4
                found[offset] = Array("&#".utf8) + Array(repeating: UInt8(ascii: "0"), count: digits - 2) + Array("91;^".utf8)
            }
        }
        return found
    }

    /// The length of the entity at `start` when it stands for `^` (`&Hat;`, `&#94;`, `&#x5E;`,
    /// with or without leading zeros, as CommonMark reads them: up to 7 decimal or 6 hex digits).
    static func caretEntityLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "&") else { return nil }
        let named = Array("&Hat;".utf8)
        if start + named.count <= bytes.count, bytes[start..<start + named.count].elementsEqual(named) { return named.count }
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "#") else { return nil }
        var index = start + 2
        let hex = index < bytes.count && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
        if hex { index += 1 }
        var value = 0, digits = 0
        while index < bytes.count, let digit = digitValue(bytes[index], hex: hex), digits < (hex ? 6 : 7) {
            value = value * (hex ? 16 : 10) + digit
            digits += 1
            index += 1
        }
        guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: ";"), value == 0x5E else { return nil }
        return index + 1 - start
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// The offset of each line's first byte; lines end as cmark ends them (`\n`, `\r\n`, `\r`).
    static func lineStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { starts.append(index) }
        }
        return starts
    }
}
