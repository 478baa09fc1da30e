import NewsroomText

/// Parses Mustache source into nodes, following the spec's rules for standalone lines,
/// delimiter changes, partial indentation and template inheritance.
struct MustacheParser {
    /// What a tag's content is trimmed of: spaces, tabs and line ends (`\r\n` as one character).
    private static let tagSpace = " \t\n\r\n"

    private let bytes: [UInt8]
    private let templateName: String
    private var index = 0
    private var delimiters: MustacheDelimiters
    /// Nothing but spaces and tabs since the line began (or since a standalone tag ended).
    private var atLineStart = true
    /// The spaces and tabs read at the start of the current line, not yet emitted.
    private var pendingWhitespace: [UInt8] = []
    /// The last tag placed: tags are met in order, so lines are counted once.
    private var placed = LineCursor()

    init(_ source: String, name: String, delimiters: MustacheDelimiters = .standard) {
        self.bytes = Array(source.utf8)
        self.templateName = name
        self.delimiters = delimiters
    }

    static func parse(_ source: String, name: String, delimiters: MustacheDelimiters = .standard) throws(MustacheSyntaxError) -> [MustacheNode] {
        var parser = MustacheParser(source, name: name, delimiters: delimiters)
        return try parser.parseNodes(until: nil, inParentBody: false).nodes
    }

    // MARK: - Structure

    private struct Parsed {
        var nodes: [MustacheNode]
        var overrides: [String: BlockOverride]
        /// Inside a parent tag: its blocks as written, in order.
        var blocks: [MustacheNode]
        /// Byte range of the body, for lambdas and block sources.
        var bodyStart: Int
        var bodyEnd: Int
        /// Whether the closing tag stood alone on its line.
        var closeWasStandalone: Bool
    }

    private mutating func parseNodes(until closing: String?, inParentBody: Bool) throws(MustacheSyntaxError) -> Parsed {
        var nodes: [MustacheNode] = []
        var overrides: [String: BlockOverride] = [:]
        var blocks: [MustacheNode] = []
        let bodyStart = index
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty, !inParentBody { nodes.append(.text(TemplateText(String(decoding: text, as: UTF8.self)))) }
            text.removeAll(keepingCapacity: true)
        }
        while true {
            if atLineStart {
                pendingWhitespace = readSpaces()
            }
            let chunkStart = index
            while index < bytes.count, bytes[index] != 0x0A, !matches(delimiters.open, at: index) { index += 1 }
            let chunk = bytes[chunkStart..<index]
            if index < bytes.count, bytes[index] == 0x0A {
                text += pendingWhitespace
                text += chunk
                text.append(0x0A)
                index += 1
                pendingWhitespace = []
                atLineStart = true
                continue
            }
            if !chunk.isEmpty {
                text += pendingWhitespace
                text += chunk
                pendingWhitespace = []
                atLineStart = false
            }
            guard index < bytes.count else {
                text += pendingWhitespace
                pendingWhitespace = []
                flushText()
                if let closing { throw error("the section '\(closing)' is never closed", at: bytes.count) }
                return Parsed(nodes: nodes, overrides: overrides, blocks: blocks, bodyStart: bodyStart, bodyEnd: index, closeWasStandalone: false)
            }
            let tagStart = index
            let tag = try readTag()
            switch tag.sigil {
            case UInt8(ascii: "!"):
                if !standalone() { text += takeWhitespace() }
            case UInt8(ascii: "="):
                try changeDelimiters(tag.content, at: tagStart)
                if !standalone() { text += takeWhitespace() }
            case UInt8(ascii: "/"):
                let name = tag.content
                guard name == closing else {
                    throw error(closing.map { "'{{/\(name)}}' closes nothing here; '\($0)' is still open" } ?? "'{{/\(name)}}' closes a section that was never opened", at: tagStart)
                }
                let isStandalone = standalone()
                if !isStandalone { text += takeWhitespace() }
                flushText()
                return Parsed(nodes: nodes, overrides: overrides, blocks: blocks, bodyStart: bodyStart, bodyEnd: tagStart, closeWasStandalone: isStandalone)
            case UInt8(ascii: "$") where inParentBody:
                flushText()
                let openStandalone = standalone()
                pendingWhitespace = []
                let body = try parseNodes(until: tag.content, inParentBody: false)
                overrides[tag.content] = try blockOverride(body)
                blocks.append(.block(name: tag.content, defaultNodes: body.nodes, indentation: ""))
                // Tags that only define blocks leave the parent's line as empty as they found it.
                atLineStart = openStandalone
            case UInt8(ascii: "$"):
                let ws = pendingWhitespace
                let lineStart = atLineStart
                let isStandalone = standalone()
                if !isStandalone {
                    pendingWhitespace = []
                    atLineStart = false
                }
                let body = try parseNodes(until: tag.content, inParentBody: false)
                var indentation: [UInt8] = []
                if isStandalone {
                    indentation = ws.isEmpty ? leadingSpaces(bytes[body.bodyStart..<body.bodyEnd]) : ws
                } else if lineStart, body.bodyStart == body.bodyEnd {
                    indentation = ws
                } else {
                    text += ws
                }
                flushText()
                nodes.append(.block(name: tag.content, defaultNodes: body.nodes, indentation: String(decoding: indentation, as: UTF8.self)))
            case _ where inParentBody:
                throw error("only blocks ({{$name}}) may stand inside a parent tag", at: tagStart)
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let isStandalone = standalone()
                if !isStandalone { text += takeWhitespace() }
                flushText()
                let name = try parseName(tag.content, at: tagStart)
                let tagPlace = place(of: tagStart)
                let body = try parseNodes(until: tag.content, inParentBody: false)
                let source = String(decoding: bytes[body.bodyStart..<body.bodyEnd], as: UTF8.self)
                nodes.append(.section(name, body.nodes, inverted: tag.sigil == UInt8(ascii: "^"), source: source, place: tagPlace))
            case UInt8(ascii: ">"):
                let (name, dynamic) = partialName(tag.content)
                let ws = pendingWhitespace
                let isStandalone = standalone()
                if !isStandalone { text += takeWhitespace() }
                flushText()
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: isStandalone ? String(decoding: ws, as: UTF8.self) : "", slot: TemplateSlot(), place: place(of: tagStart)))
            case UInt8(ascii: "<"):
                let (name, dynamic) = partialName(tag.content)
                let ws = pendingWhitespace
                let lineStart = atLineStart
                let openStandalone = standalone()
                pendingWhitespace = []
                atLineStart = true
                let tagPlace = place(of: tagStart)
                let body = try parseNodes(until: tag.content, inParentBody: true)
                let isStandalone = lineStart && (body.closeWasStandalone || openStandalone && restOfLineIsBlank())
                if !isStandalone { text += ws }
                flushText()
                nodes.append(.parent(name: name, dynamic: dynamic, indentation: isStandalone ? String(decoding: ws, as: UTF8.self) : "", overrides: body.overrides, blocks: body.blocks, place: tagPlace))
            case UInt8(ascii: "{"), UInt8(ascii: "&"), 0:
                text += takeWhitespace()
                atLineStart = false
                flushText()
                nodes.append(.variable(try parseName(tag.content, at: tagStart), escaped: tag.sigil == 0, place: place(of: tagStart)))
            default:
                throw error("unknown tag type '\(Character(Unicode.Scalar(tag.sigil)))'", at: tagStart)
            }
        }
    }

    /// A block given inside a parent tag: its body's own indentation (that of its first line) removed.
    private func blockOverride(_ body: Parsed) throws(MustacheSyntaxError) -> BlockOverride {
        let raw = bytes[body.bodyStart..<body.bodyEnd]
        let indent = leadingSpaces(raw)
        let source = indent.isEmpty ? String(decoding: raw, as: UTF8.self) : Self.dedent(String(decoding: raw, as: UTF8.self), by: String(decoding: indent, as: UTF8.self))
        let nodes = try Self.parse(source, name: templateName, delimiters: delimiters)
        return BlockOverride(source: source, delimiters: delimiters, program: MustacheProgram(nodes))
    }

    // MARK: - Tags

    private struct Tag {
        /// `#`, `^`, `/`, `!`, `=`, `>`, `<`, `$`, `{`, `&`, or 0 for a plain variable.
        var sigil: UInt8
        var content: String
    }

    private mutating func readTag() throws(MustacheSyntaxError) -> Tag {
        let start = index
        index += delimiters.open.count
        var sigil: UInt8 = 0
        var close = delimiters.close
        if index < bytes.count, let candidate = Optional(bytes[index]), "#^/!=><${&".utf8.contains(candidate) {
            sigil = candidate
            index += 1
            if sigil == UInt8(ascii: "{") { close = Array("}".utf8) + delimiters.close }
            if sigil == UInt8(ascii: "=") { close = Array("=".utf8) + delimiters.close }
        }
        let contentStart = index
        while index < bytes.count, !matches(close, at: index) {
            index += 1
        }
        guard index < bytes.count else { throw error("this tag is never closed", at: start) }
        let content = String(String(decoding: bytes[contentStart..<index], as: UTF8.self).trimming(Self.tagSpace))
        index += close.count
        if sigil != UInt8(ascii: "!"), content.isEmpty {
            throw error("empty tag", at: start)
        }
        return Tag(sigil: sigil, content: content)
    }

    private mutating func changeDelimiters(_ content: String, at position: Int) throws(MustacheSyntaxError) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw error("a delimiter change looks like {{=<% %>=}}", at: position)
        }
        delimiters = MustacheDelimiters(open: Array(parts[0].utf8), close: Array(parts[1].utf8))
    }

    private func parseName(_ content: String, at position: Int) throws(MustacheSyntaxError) -> MustacheName {
        var expression = Substring(content)
        var transforms: [String] = []
        while let open = expression.firstIndex(of: "("), expression.hasSuffix(")") {
            transforms.insert(String(expression[..<open].trimming(Self.tagSpace)), at: 0)
            expression = expression[expression.index(after: open)..<expression.index(before: expression.endIndex)]
        }
        let name = String(expression.trimming(Self.tagSpace))
        if name.contains(" ") || name.contains("(") || name.contains(")") {
            throw error("'\(content)' is not a name", at: position)
        }
        let anchored = name.hasPrefix(".") && name != "."
        let path = name == "." ? [] : name.split(separator: ".").map(String.init)
        return MustacheName(path: path, keys: path.map(TemplateKey.init), transforms: transforms, anchored: anchored, text: content)
    }

    private func partialName(_ content: String) -> (String, Bool) {
        if content.hasPrefix("*") { return (String(content.dropFirst().trimming(Self.tagSpace)), true) }
        return (content, false)
    }

    // MARK: - Lines

    /// True when the tag just read stands alone on its line; then the rest of the line
    /// (through its newline) is consumed and the leading whitespace dropped.
    private mutating func standalone() -> Bool {
        guard atLineStart, restOfLineIsBlank() else { return false }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        pendingWhitespace = []
        atLineStart = true
        return true
    }

    private func restOfLineIsBlank() -> Bool {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor == bytes.count || bytes[cursor] == 0x0A { return true }
        return bytes[cursor] == 0x0D && cursor + 1 < bytes.count && bytes[cursor + 1] == 0x0A
    }

    private mutating func takeWhitespace() -> [UInt8] {
        defer { pendingWhitespace = []; atLineStart = false }
        return pendingWhitespace
    }

    private mutating func readSpaces() -> [UInt8] {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return Array(bytes[start..<index])
    }

    private func leadingSpaces(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        Array(slice.prefix { $0 == 0x20 || $0 == 0x09 })
    }

    private func matches(_ needle: [UInt8], at position: Int) -> Bool {
        guard position + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where bytes[position + offset] != needle[offset] { return false }
        return true
    }

    private func error(_ message: String, at position: Int) -> MustacheSyntaxError {
        let place = LineCursor().moved(to: min(position, bytes.count), in: bytes).place(in: bytes)
        return MustacheSyntaxError(template: templateName, line: place.line, column: place.column, message: message)
    }

    private mutating func place(of position: Int) -> MustachePlace {
        placed = (position < placed.offset ? LineCursor() : placed).moved(to: position, in: bytes)
        return placed.place(in: bytes)
    }

    /// A byte offset with its line number and the offset its line begins at.
    private struct LineCursor {
        var offset = 0, line = 1, lineStart = 0

        func moved(to position: Int, in bytes: [UInt8]) -> LineCursor {
            var moved = LineCursor(offset: position, line: line, lineStart: lineStart)
            for i in offset..<position where bytes[i] == 0x0A {
                moved.line += 1
                moved.lineStart = i + 1
            }
            return moved
        }

        /// The column counts characters from the line's start (a multi-byte character is one).
        func place(in bytes: [UInt8]) -> MustachePlace {
            MustachePlace(line: line, column: String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
        }
    }

    // MARK: - Indentation

    /// Prefixes every line that has content with `indentation` (the spec's partial indentation).
    static func indent(_ source: String, by indentation: String) -> String {
        guard !indentation.isEmpty else { return source }
        var output = ""
        var atStart = true
        for character in source {
            if atStart, character != "\n", character != "\r\n" { output += indentation }
            output.append(character)
            atStart = character == "\n" || character == "\r\n"
        }
        return output
    }

    /// Removes `indentation` from the start of every line that begins with it.
    static func dedent(_ source: String, by indentation: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(indentation) ? $0.dropFirst(indentation.count) : $0 }
            .joined(separator: "\n")
    }
}
