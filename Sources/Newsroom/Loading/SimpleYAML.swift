import Foundation
import NewsroomText

/// A fast reader for the front matter almost every item has: `key: value` lines, one level of
/// nested maps, block lists and one-line `[a, b]` lists, plain and one-line quoted scalars.
/// Anything else (anchors, multi-line scalars, flow maps, empty values, duplicate keys …)
/// returns nil and goes to Yams, which also words every error. For what it reads it gives the
/// same nodes, types and positions as Yams (a test holds it to that on thousands of inputs).
enum SimpleYAML {
    /// A line that is not blank and not a comment: where its text starts (after the indent) and
    /// ends, in the YAML's bytes.
    private struct Line {
        var number: Int
        var indent: Int
        var start: Int
        var end: Int
    }

    fileprivate struct Unsupported: Error {}

    static func parse(_ yaml: String, path: String, firstLine: Int) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { bytes -> YAMLNode? in
            guard let lines = lines(in: bytes), !lines.isEmpty, lines[0].indent == 0 else { return nil }
            var reader = Reader(bytes: bytes, lines: lines, path: path, firstLine: firstLine)
            do {
                let node = try reader.mapping(indent: 0, depth: 0)
                return reader.index == lines.count ? node : nil
            } catch {
                return nil
            }
        }
    }

    /// One pass over the bytes: lines by offset (splitting the String walks grapheme clusters),
    /// blank and comment lines left out, and the characters YAML forbids or treats specially
    /// (controls, tabs, C1, BOM, U+FFFE/F), which Yams reports: nil when there is one.
    private static func lines(in bytes: UnsafeBufferPointer<UInt8>) -> [Line]? {
        var lines: [Line] = []
        var start = 0, index = 0, number = 1
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A {
                var indent = 0
                while start + indent < index, bytes[start + indent] == 0x20 { indent += 1 }
                if start + indent < index, bytes[start + indent] != UInt8(ascii: "#") {
                    lines.append(Line(number: number, indent: indent, start: start + indent, end: index))
                }
                number += 1
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
        return lines
    }

    /// Reads the lines by byte offsets into the YAML's bytes; only what needs Characters (a
    /// non-ASCII key, single quotes, flow lists, escapes) is made a String first.
    private struct Reader {
        /// A key we read: letters, digits, `_` and `-`, not starting with `-`. ASCII keys are
        /// checked by byte; others by Unicode's letter and number classes.
        static func isKey(_ key: String) -> Bool {
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

        let bytes: UnsafeBufferPointer<UInt8>
        let lines: [Line]
        let path: String
        let firstLine: Int
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>, lines: [Line], path: String, firstLine: Int) {
            self.bytes = bytes
            self.lines = lines
            self.path = path
            self.firstLine = firstLine
        }

        func location(_ line: Line, column: Int) -> SourceLocation {
            SourceLocation(path: path, line: line.number + firstLine - 1, column: column)
        }

        /// The text of `range`: cut at ASCII bytes of valid UTF-8, so valid itself.
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// `range` without spaces at either end.
        func trimmingSpaces(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound, end = range.upperBound
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return start..<end
        }

        /// The offset of the first `byte` in `range`.
        func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
            guard !range.isEmpty, let found = memchr(bytes.baseAddress! + range.lowerBound, Int32(byte), range.count) else { return nil }
            return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// Whether `range` holds the two bytes `first`, `second` in a row.
        func contains(_ first: UInt8, _ second: UInt8, in range: Range<Int>) -> Bool {
            var from = range.lowerBound
            while let found = firstIndex(of: first, in: from..<range.upperBound) {
                if found + 1 < range.upperBound, bytes[found + 1] == second { return true }
                from = found + 1
            }
            return false
        }

        /// Whether the text at `start` is `- ` (a list item). A non-ASCII byte after the space
        /// might join it into another Character: such a line is left to Yams.
        func startsWithListMark(_ start: Int, end: Int) throws -> Bool {
            guard end - start >= 2, bytes[start] == 0x2D, bytes[start + 1] == 0x20 else { return false }
            if start + 2 < end, bytes[start + 2] >= 0x80 { throw Unsupported() }
            return true
        }

        mutating func mapping(indent: Int, depth: Int) throws -> YAMLNode {
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLNode)] = []
            pairs.reserveCapacity(lines.count - index)
            let start = lines[index]
            while index < lines.count, lines[index].indent == indent {
                let line = lines[index]
                guard let colon = firstIndex(of: UInt8(ascii: ":"), in: line.start..<line.end) else { throw Unsupported() }
                let key = string(line.start..<colon)
                // A front matter map has a dozen keys: compared one by one, not hashed.
                guard Self.isKey(key), !pairs.contains(where: { $0.key == key }) else { throw Unsupported() }
                let keyLocation = location(line, column: indent + 1)
                index += 1
                if colon + 1 == line.end {
                    // A nested block: a map or a list, indented further.
                    guard depth < 2, index < lines.count, lines[index].indent > indent else { throw Unsupported() }
                    let inner = lines[index]
                    let value = try startsWithListMark(inner.start, end: inner.end)
                        ? try blockList(indent: inner.indent)
                        : try mapping(indent: inner.indent, depth: depth + 1)
                    pairs.append((key, keyLocation, value))
                    continue
                }
                guard bytes[colon + 1] == 0x20 else { throw Unsupported() }
                let rest = trimmingSpaces(colon + 1..<line.end)
                guard !rest.isEmpty else { throw Unsupported() }
                let leading = rest.lowerBound - (colon + 1)
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
                guard line.end - line.start >= 2, bytes[line.start] == 0x2D, bytes[line.start + 1] == 0x20 else { throw Unsupported() }
                let rest = trimmingSpaces(line.start + 2..<line.end)
                let leading = rest.lowerBound - (line.start + 2)
                guard !rest.isEmpty, !(rest.count >= 2 && bytes[rest.lowerBound] == 0x2D && bytes[rest.lowerBound + 1] == 0x20) else { throw Unsupported() }
                if contains(UInt8(ascii: ":"), 0x20, in: rest) || bytes[rest.upperBound - 1] == UInt8(ascii: ":") { throw Unsupported() }
                items.append(try inline(rest, line: line, column: indent + 2 + leading + 1))
                index += 1
                if index < lines.count, lines[index].indent > indent { throw Unsupported() }
            }
            return YAMLNode(kind: .sequence(items), location: location(start, column: indent + 1), tag: "seq")
        }

        /// A value written on its key's line or after a list's `- `, by its first byte (a
        /// Character is a grapheme cluster, costly to form): plain and double-quoted scalars are
        /// read by byte; the rest as text.
        func inline(_ range: Range<Int>, line: Line, column: Int) throws -> YAMLNode {
            switch bytes[range.lowerBound] {
            case UInt8(ascii: "\""):
                return YAMLNode(kind: .scalar(try doubleQuoted(range), plain: false), location: location(line, column: column), tag: "str")
            case UInt8(ascii: "'"), UInt8(ascii: "["):
                return try inline(Substring(string(range)), line: line, column: column)
            default:
                let value = try plain(range)
                return YAMLNode(kind: .scalar(value, plain: true), location: location(line, column: column), tag: ScalarType.resolve(value))
            }
        }

        func inline(_ text: Substring, line: Line, column: Int) throws -> YAMLNode {
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
        func plain(_ range: Range<Int>) throws -> String {
            let first = bytes[range.lowerBound]
            guard !Self.indicators[Int(first)] else { throw Unsupported() }
            if first == UInt8(ascii: "-") { return try plain(Substring(string(range))) }
            if contains(UInt8(ascii: ":"), 0x20, in: range) || contains(0x20, UInt8(ascii: "#"), in: range) || bytes[range.upperBound - 1] == UInt8(ascii: ":") { throw Unsupported() }
            return string(range)
        }

        private static let indicators: [Bool] = {
            var table = [Bool](repeating: false, count: 256)
            for byte in "&*!|>%@`#?,[]{}:'\"".utf8 { table[Int(byte)] = true }
            return table
        }()

        func plain(_ text: Substring) throws -> String {
            guard let first = text.utf8.first, !"&*!|>%@`#?,[]{}:'\"".utf8.contains(first) else { throw Unsupported() }
            if first == UInt8(ascii: "-"), !(text.dropFirst().first?.isNumber ?? false) { throw Unsupported() }
            if text.containsBytes(": ") || text.containsBytes(" #") || text.utf8.last == UInt8(ascii: ":") { throw Unsupported() }
            return String(text)
        }

        /// A double-quoted scalar: without escapes or inner quotes, its bytes between the quotes.
        func doubleQuoted(_ range: Range<Int>) throws -> String {
            guard range.count >= 2, bytes[range.upperBound - 1] == UInt8(ascii: "\"") else { throw Unsupported() }
            let inner = range.lowerBound + 1..<range.upperBound - 1
            if firstIndex(of: UInt8(ascii: "\\"), in: inner) == nil, firstIndex(of: UInt8(ascii: "\""), in: inner) == nil { return string(inner) }
            return try doubleQuoted(Substring(string(range)))
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
