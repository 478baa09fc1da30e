import Foundation

/// The part of TOML that Hugo's configuration and front matter use: tables, arrays of tables,
/// dotted keys, strings (basic, literal, multi-line), numbers, booleans, dates, arrays and inline
/// tables. Values come back as `SourceValue`s; anything malformed is an error at its line.
struct TOMLReader {
    private var bytes: [UInt8]
    private var index = 0
    private var line: Int
    private let path: String

    static func parse(_ text: String, path: String, firstLine: Int = 1) -> Result<SourceValue, Diagnostic> {
        var reader = TOMLReader(bytes: Array(text.utf8), line: firstLine, path: path)
        do {
            return .success(try reader.document())
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(Diagnostic(path: path, message: "\(error)"))
        }
    }

    private init(bytes: [UInt8], line: Int, path: String) {
        self.bytes = bytes
        self.line = line
        self.path = path
    }

    /// The document as nested ordered pairs; `[a.b]` and `a.b = 1` both nest.
    private mutating func document() throws -> SourceValue {
        var root = Table(line: line)
        var current: [String] = []
        while true {
            skipBlankLines()
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: "[") {
                let isArray = peek(1) == UInt8(ascii: "[")
                index += isArray ? 2 : 1
                let keys = try keyPath()
                skipSpaces()
                guard take("]"), !isArray || take("]") else { throw error("a table header must end with ']'") }
                current = keys
                if isArray { root.appendTable(at: keys, line: line) } else { try root.makeTable(at: keys, line: line, reader: self) }
            } else {
                let keys = try keyPath()
                skipSpaces()
                guard take("=") else { throw error("expected '=' after the key '\(keys.joined(separator: "."))'") }
                skipSpaces()
                let value = try self.value()
                try root.set(current + keys, to: value, reader: self)
            }
            skipSpaces()
            skipComment()
            guard index >= bytes.count || bytes[index] == 0x0A else { throw error("unexpected text after a value") }
        }
        return root.value
    }

    private mutating func keyPath() throws -> [String] {
        var keys: [String] = []
        repeat {
            skipSpaces()
            if peek(0) == UInt8(ascii: "\"") || peek(0) == UInt8(ascii: "'") {
                guard case .text(let text) = try value().kind else { throw error("a key must be text") }
                keys.append(text)
            } else {
                let start = index
                while index < bytes.count, Self.isBareKey(bytes[index]) { index += 1 }
                guard index > start else { throw error("expected a key") }
                keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipSpaces()
        } while take(".")
        return keys
    }

    private mutating func value() throws -> SourceValue {
        let valueLine = line
        guard index < bytes.count else { throw error("a value is missing") }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return SourceValue(kind: .text(try string()), line: valueLine)
        case UInt8(ascii: "["):
            index += 1
            var items: [SourceValue] = []
            while true {
                skipBlankLines()
                if take("]") { break }
                items.append(try value())
                skipBlankLines()
                if take("]") { break }
                guard take(",") else { throw error("expected ',' or ']' in a list") }
            }
            return SourceValue(kind: .list(items), line: valueLine)
        case UInt8(ascii: "{"):
            index += 1
            var table = Table(line: valueLine)
            skipSpaces()
            if take("}") { return table.value }
            repeat {
                let keys = try keyPath()
                guard take("=") else { throw error("expected '=' in an inline table") }
                skipSpaces()
                try table.set(keys, to: try value(), reader: self)
                skipSpaces()
            } while take(",")
            guard take("}") else { throw error("an inline table must end with '}'") }
            return table.value
        default:
            let start = index
            while index < bytes.count, ![0x0A, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#")].contains(bytes[index]) {
                index += 1
            }
            let token = String(decoding: bytes[start..<index], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            // Bare values are numbers, dates and times, booleans, inf and nan; text needs quotes.
            let isKeyword = ["true", "false", "inf", "nan", "+inf", "-inf", "+nan", "-nan"].contains(token)
            let isNumeric = token.first.map { $0.isNumber || $0 == "+" || $0 == "-" } == true
                && token.allSatisfy({ $0.isLetter || $0.isNumber || "+-_.: ".contains($0) })
            guard isKeyword || isNumeric else {
                throw error("'\(token)' is not a TOML value (text needs quotes)")
            }
            return SourceValue(kind: .text(token), line: valueLine)
        }
    }

    private mutating func string() throws -> String {
        let quote = bytes[index]
        let multiline = peek(1) == quote && peek(2) == quote
        index += multiline ? 3 : 1
        if multiline, peek(0) == 0x0A { index += 1; line += 1 }
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("text opened with a quote is never closed") }
            let byte = bytes[index]
            if byte == quote, !multiline || (peek(1) == quote && peek(2) == quote) {
                index += multiline ? 3 : 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte == 0x0A {
                guard multiline else { throw error("text opened with a quote is never closed on its line") }
                line += 1
            }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                index += 1
                switch peek(0) {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = peek(0) == UInt8(ascii: "u") ? 4 : 8
                    let hex = String(decoding: bytes[(index + 1)..<min(bytes.count, index + 1 + width)], as: UTF8.self)
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw error("'\\u\(hex)' is not a character") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    index += width
                default: throw error("unknown escape in text")
                }
                index += 1
                continue
            }
            out.append(byte)
            index += 1
        }
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func take(_ character: Character) -> Bool {
        guard peek(0) == character.asciiValue else { return false }
        index += 1
        return true
    }

    private mutating func skipSpaces() {
        while let byte = peek(0), byte == 0x20 || byte == 0x09 { index += 1 }
    }

    private mutating func skipComment() {
        if peek(0) == UInt8(ascii: "#") { while let byte = peek(0), byte != 0x0A { index += 1 } }
    }

    private mutating func skipBlankLines() {
        while true {
            skipSpaces()
            skipComment()
            guard peek(0) == 0x0A else { return }
            index += 1
            line += 1
        }
    }

    private static func isBareKey(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
    }

    fileprivate func error(_ message: String) -> Diagnostic {
        Diagnostic(path: path, line: line, message: "TOML: \(message)")
    }

    /// A table under construction: ordered keys, nested tables, arrays of tables.
    private struct Table {
        var pairs: [(key: String, value: Node)] = []
        var line: Int

        indirect enum Node {
            case value(SourceValue)
            case table(Table)
            case tables([Table])
        }

        init(line: Int) { self.line = line }

        var value: SourceValue {
            SourceValue(kind: .map(pairs.map { pair in
                switch pair.value {
                case .value(let value): return (pair.key, value)
                case .table(let table): return (pair.key, table.value)
                case .tables(let tables): return (pair.key, SourceValue(kind: .list(tables.map(\.value)), line: tables.first?.line ?? line))
                }
            }), line: line)
        }

        mutating func set(_ keys: [String], to value: SourceValue, reader: TOMLReader) throws {
            let key = keys[0]
            let position = pairs.firstIndex { $0.key == key }
            if keys.count == 1 {
                guard position == nil else { throw reader.error("the key '\(key)' is given twice") }
                pairs.append((key, .value(value)))
                return
            }
            var table = Table(line: value.line)
            if let position {
                switch pairs[position].value {
                case .table(let existing): table = existing
                case .tables(var list):
                    guard var last = list.popLast() else { throw reader.error("'\(key)' is not a table") }
                    try last.set(Array(keys.dropFirst()), to: value, reader: reader)
                    pairs[position].value = .tables(list + [last])
                    return
                case .value: throw reader.error("'\(key)' is a value, not a table")
                }
            }
            try table.set(Array(keys.dropFirst()), to: value, reader: reader)
            if let position { pairs[position].value = .table(table) } else { pairs.append((key, .table(table))) }
        }

        mutating func makeTable(at keys: [String], line: Int, reader: TOMLReader) throws {
            let key = keys[0]
            let position = pairs.firstIndex { $0.key == key }
            var table = Table(line: line)
            if let position {
                switch pairs[position].value {
                case .table(let existing): table = existing
                case .tables(var list):
                    guard keys.count > 1, var last = list.popLast() else { throw reader.error("'\(key)' is a list of tables") }
                    try last.makeTable(at: Array(keys.dropFirst()), line: line, reader: reader)
                    pairs[position].value = .tables(list + [last])
                    return
                case .value: throw reader.error("'\(key)' is a value, not a table")
                }
            }
            if keys.count > 1 { try table.makeTable(at: Array(keys.dropFirst()), line: line, reader: reader) }
            if let position { pairs[position].value = .table(table) } else { pairs.append((key, .table(table))) }
        }

        mutating func appendTable(at keys: [String], line: Int) {
            let key = keys[0]
            let position = pairs.firstIndex { $0.key == key }
            if keys.count == 1 {
                if let position, case .tables(let list) = pairs[position].value {
                    pairs[position].value = .tables(list + [Table(line: line)])
                } else if position == nil {
                    pairs.append((key, .tables([Table(line: line)])))
                }
                return
            }
            var table = Table(line: line)
            if let position, case .table(let existing) = pairs[position].value { table = existing }
            table.appendTable(at: Array(keys.dropFirst()), line: line)
            if let position { pairs[position].value = .table(table) } else { pairs.append((key, .table(table))) }
        }
    }
}
