import Foundation
import NewsroomText

/// A fast reader for the front matter almost every item has: `key: value` lines, one level of
/// nested maps, block lists and one-line `[a, b]` lists, plain and one-line quoted scalars.
/// Anything else (anchors, multi-line scalars, flow maps, empty values, duplicate keys …)
/// returns nil and goes to Yams, which also words every error. For what it reads it gives the
/// same nodes, types and positions as Yams (a test holds it to that on thousands of inputs).
enum SimpleYAML {
    private struct Line {
        var number: Int
        var indent: Int
        var text: Substring
    }

    fileprivate struct Unsupported: Error {}

    static func parse(_ yaml: String, path: String, firstLine: Int) -> YAMLNode? {
        // One pass over the bytes: lines (by offset; splitting the String walks grapheme
        // clusters) and the characters YAML forbids or treats specially (controls, tabs, C1,
        // BOM, U+FFFE/F), which Yams reports.
        var text = yaml
        let spans = text.withUTF8 { bytes -> [(start: Int, indent: Int, end: Int)]? in
            var spans: [(start: Int, indent: Int, end: Int)] = []
            var start = 0, index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    var indent = 0
                    while start + indent < index, bytes[start + indent] == 0x20 { indent += 1 }
                    spans.append((start, indent, index))
                    start = index + 1
                    index += 1
                    continue
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return nil }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return nil }
                if byte == 0xEF, index + 2 < bytes.count, (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE) { return nil }
                index += 1
            }
            return spans
        }
        guard let spans else { return nil }
        var lines: [Line] = []
        lines.reserveCapacity(spans.count)
        let utf8 = text.utf8
        for (offset, span) in spans.enumerated() where span.start + span.indent < span.end {
            let from = utf8.index(utf8.startIndex, offsetBy: span.start + span.indent)
            let line = text[from..<utf8.index(utf8.startIndex, offsetBy: span.end)]
            if line.utf8.first == UInt8(ascii: "#") { continue }
            lines.append(Line(number: offset + 1, indent: span.indent, text: line))
        }
        guard !lines.isEmpty, lines[0].indent == 0 else { return nil }
        var reader = Reader(lines: lines, path: path, firstLine: firstLine)
        do {
            let node = try reader.mapping(indent: 0, depth: 0)
            return reader.index == lines.count ? node : nil
        } catch {
            return nil
        }
    }

    private struct Reader {
        /// A key we read: letters, digits, `_` and `-`, not starting with `-`. ASCII keys are
        /// checked by byte; others by Unicode's letter and number classes.
        static func isKey(_ key: Substring) -> Bool {
            guard let first = key.utf8.first, first != UInt8(ascii: "-") else { return false }
            var ascii = true
            for byte in key.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "_"), UInt8(ascii: "-"):
                    continue
                case 0x80...:
                    ascii = false
                default:
                    return false
                }
            }
            if ascii { return true }
            guard let character = key.first, character.isLetter || character.isNumber || character == "_" else { return false }
            return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }

        let lines: [Line]
        let path: String
        let firstLine: Int
        var index = 0

        func location(_ line: Line, column: Int) -> SourceLocation {
            SourceLocation(path: path, line: line.number + firstLine - 1, column: column)
        }

        mutating func mapping(indent: Int, depth: Int) throws -> YAMLNode {
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLNode)] = []
            let start = lines[index]
            while index < lines.count, lines[index].indent == indent {
                let line = lines[index]
                guard let colon = line.text.utf8.firstIndex(of: UInt8(ascii: ":")) else { throw Unsupported() }
                let key = String(line.text[..<colon])
                // A front matter map has a dozen keys: compared one by one, not hashed.
                guard Self.isKey(key[...]), !pairs.contains(where: { $0.key == key }) else { throw Unsupported() }
                let keyLocation = location(line, column: indent + 1)
                var rest = line.text[line.text.utf8.index(after: colon)...]
                index += 1
                if rest.isEmpty {
                    // A nested block: a map or a list, indented further.
                    guard depth < 2, index < lines.count, lines[index].indent > indent else { throw Unsupported() }
                    let inner = lines[index].indent
                    let value = try lines[index].text.startsWithListMark()
                        ? try blockList(indent: inner)
                        : try mapping(indent: inner, depth: depth + 1)
                    pairs.append((key, keyLocation, value))
                    continue
                }
                guard rest.utf8.first == 0x20 else { throw Unsupported() }
                let leading = rest.utf8.prefix { $0 == 0x20 }.count
                rest = rest.trimmingSpaces()
                guard !rest.isEmpty else { throw Unsupported() }
                let column = indent + (key.utf8.allSatisfy { $0 < 0x80 } ? key.utf8.count : key.unicodeScalars.count) + 1 + leading + 1
                let value = try inline(rest, line: line, column: column)
                // A more indented line after an inline value continues it: Yams' business.
                if index < lines.count, lines[index].indent > indent { throw Unsupported() }
                pairs.append((key, keyLocation, value))
            }
            return YAMLNode(kind: .mapping(pairs), location: location(start, column: indent + 1), tag: "map")
        }

        mutating func blockList(indent: Int) throws -> YAMLNode {
            let start = lines[index]
            var items: [YAMLNode] = []
            while index < lines.count, lines[index].indent == indent {
                let line = lines[index]
                guard line.text.utf8.starts(with: [0x2D, 0x20]) else { throw Unsupported() }
                let rest = line.text[line.text.utf8.index(line.text.startIndex, offsetBy: 2)...].trimmingSpaces()
                let leading = line.text.utf8.dropFirst(2).prefix { $0 == 0x20 }.count
                guard !rest.isEmpty, !rest.utf8.starts(with: [0x2D, 0x20]) else { throw Unsupported() }
                if rest.containsBytes(": ") || rest.utf8.last == UInt8(ascii: ":") { throw Unsupported() }
                items.append(try inline(rest, line: line, column: indent + 2 + leading + 1))
                index += 1
                if index < lines.count, lines[index].indent > indent { throw Unsupported() }
            }
            return YAMLNode(kind: .sequence(items), location: location(start, column: indent + 1), tag: "seq")
        }

        func inline(_ text: Substring, line: Line, column: Int) throws -> YAMLNode {
            // By the first byte: a Character is a grapheme cluster, costly to form.
            guard let first = text.utf8.first else { throw Unsupported() }
            switch first {
            case UInt8(ascii: "\""):
                return YAMLNode(kind: .scalar(try doubleQuoted(text), plain: false), location: location(line, column: column), tag: "str")
            case UInt8(ascii: "'"):
                return YAMLNode(kind: .scalar(try singleQuoted(text), plain: false), location: location(line, column: column), tag: "str")
            case UInt8(ascii: "["):
                return try flowList(text, line: line, column: column)
            default:
                let value = try plain(text)
                return YAMLNode(kind: .scalar(value, plain: true), location: location(line, column: column), tag: ScalarType.resolve(value))
            }
        }

        func flowList(_ text: Substring, line: Line, column: Int) throws -> YAMLNode {
            guard text.last == "]" else { throw Unsupported() }
            let inner = text.dropFirst().dropLast()
            var items: [YAMLNode] = []
            var itemStart = inner.startIndex
            var quote: Character?
            var cursor = inner.startIndex
            func flush(upTo end: Substring.Index) throws {
                let raw = inner[itemStart..<end]
                let leading = raw.prefix { $0 == " " }.count
                var item = raw.dropFirst(leading)
                while item.last == " " { item.removeLast() }
                if item.isEmpty {
                    // `[]` is an empty list; an empty item anywhere else is not ours.
                    if !(items.isEmpty && end == inner.endIndex && raw.allSatisfy({ $0 == " " })) { throw Unsupported() }
                    return
                }
                if item.first == "[" || item.first == "{" { throw Unsupported() }
                let offset = inner.unicodeScalars.distance(from: inner.startIndex, to: itemStart) + leading
                items.append(try inline(item, line: line, column: column + 1 + offset))
            }
            while cursor < inner.endIndex {
                let character = inner[cursor]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "," {
                    try flush(upTo: cursor)
                    itemStart = inner.index(after: cursor)
                } else if "[]{}#".contains(character) {
                    throw Unsupported()
                }
                cursor = inner.index(after: cursor)
            }
            guard quote == nil else { throw Unsupported() }
            try flush(upTo: inner.endIndex)
            return YAMLNode(kind: .sequence(items), location: location(line, column: column), tag: "seq")
        }

        /// A plain scalar that cannot mean anything else: no indicator in front, no `: ` or ` #` inside.
        func plain(_ text: Substring) throws -> String {
            guard let first = text.utf8.first, !"&*!|>%@`#?,[]{}:'\"".utf8.contains(first) else { throw Unsupported() }
            if first == UInt8(ascii: "-"), !(text.dropFirst().first?.isNumber ?? false) { throw Unsupported() }
            if text.containsBytes(": ") || text.containsBytes(" #") || text.utf8.last == UInt8(ascii: ":") { throw Unsupported() }
            return String(text)
        }

        func doubleQuoted(_ text: Substring) throws -> String {
            guard text.utf8.count >= 2, text.utf8.last == UInt8(ascii: "\"") else { throw Unsupported() }
            // Inside the quotes, cut by byte: both are one byte each.
            let inner = text[text.utf8.index(after: text.startIndex)..<text.utf8.index(before: text.endIndex)]
            if !inner.containsByte(UInt8(ascii: "\\")), !inner.containsByte(UInt8(ascii: "\"")) { return String(inner) }
            var output = ""
            var escaped = false
            for character in inner {
                if escaped {
                    switch character {
                    case "\"": output.append("\"")
                    case "\\": output.append("\\")
                    case "/": output.append("/")
                    case "n": output.append("\n")
                    case "t": output.append("\t")
                    default: throw Unsupported()
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    throw Unsupported()
                } else {
                    output.append(character)
                }
            }
            guard !escaped else { throw Unsupported() }
            return output
        }

        func singleQuoted(_ text: Substring) throws -> String {
            guard text.count >= 2, text.last == "'" else { throw Unsupported() }
            let inner = text.dropFirst().dropLast()
            var output = ""
            var index = inner.startIndex
            while index < inner.endIndex {
                let character = inner[index]
                if character == "'" {
                    let next = inner.index(after: index)
                    guard next < inner.endIndex, inner[next] == "'" else { throw Unsupported() }
                    output.append("'")
                    index = inner.index(after: next)
                    continue
                }
                output.append(character)
                index = inner.index(after: index)
            }
            return output
        }
    }
}

private extension Substring {
    /// Whether the text starts with `- `, by byte (String's `hasPrefix` compares Characters one
    /// by one). A non-ASCII byte after the space might join it into another Character: such a
    /// line is left to Yams.
    func startsWithListMark() throws -> Bool {
        guard utf8.starts(with: [0x2D, 0x20]) else { return false }
        if let next = utf8.dropFirst(2).first, next >= 0x80 { throw SimpleYAML.Unsupported() }
        return true
    }

    /// Without spaces at either end (`trimmingBytes` for the one byte, with nothing generic
    /// between the loop and the bytes).
    func trimmingSpaces() -> Substring {
        let utf8 = self.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 { utf8.formIndex(after: &start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 { utf8.formIndex(before: &end) }
        return self[start..<end]
    }

    /// Whether the text holds `byte`, searched in its contiguous bytes (`utf8.contains` steps
    /// through the view one index at a time).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }

    /// Byte-level `contains` for a two-byte needle (Substring's own goes through Foundation).
    func containsBytes(_ needle: StaticString) -> Bool {
        precondition(needle.utf8CodeUnitCount == 2)
        let first = needle.utf8Start[0], second = needle.utf8Start[1]
        var previous: UInt8?
        for byte in utf8 {
            if previous == first, byte == second { return true }
            previous = byte
        }
        return false
    }
}
