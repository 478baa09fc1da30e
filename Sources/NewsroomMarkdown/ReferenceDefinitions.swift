/// Where each `[label]: url` definition of a document is written. cmark-gfm resolves reference
/// links without keeping the definition's position, so a bad destination would otherwise be
/// reported at every use instead of the one line that holds it.
struct ReferenceDefinitions {
    private let lines: [[UInt8]]
    /// Normalised label → line and column of its `[` (the first definition of a label wins, as in cmark).
    private var definitions: [String: (line: Int, column: Int)] = [:]

    init(source: String) {
        lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for (number, line) in lines.enumerated() {
            // Up to three spaces, and any block-quote markers, before the `[`.
            guard let open = line.firstIndex(where: { $0 != 0x20 && $0 != UInt8(ascii: ">") }),
                  line[open] == UInt8(ascii: "["),
                  let close = Self.closingBracket(in: line, after: open),
                  close + 1 < line.count, line[close + 1] == UInt8(ascii: ":")
            else { continue }
            let label = Self.normalise(line[(open + 1)..<close])
            if !label.isEmpty, definitions[label] == nil {
                definitions[label] = (number + 1, open + 1)
            }
        }
    }

    /// The definition behind the link or image written from `start` to `end` (1-based lines and
    /// byte columns, both inclusive, as cmark-gfm records them); nil for an inline link
    /// `[t](url)`, an autolink, or a span that does not read as a link.
    func definition(ofLinkFrom start: (line: Int, column: Int), to end: (line: Int, column: Int)) -> (line: Int, column: Int)? {
        guard !definitions.isEmpty, start.line >= 1, end.line >= start.line, end.line <= lines.count else { return nil }
        var span: [UInt8] = []
        for number in start.line...end.line {
            let line = lines[number - 1]
            let from = number == start.line ? start.column - 1 : 0
            let to = number == end.line ? end.column : line.count
            guard from >= 0, from <= to, to <= line.count else { return nil }
            if number > start.line { span.append(0x20) }
            span += line[from..<to]
        }
        if span.first == UInt8(ascii: "!") { span.removeFirst() }
        guard span.count >= 2, span.first == UInt8(ascii: "["), span.last == UInt8(ascii: "]") else { return nil }
        return definitions[Self.normalise(Self.label(of: span))]
    }

    /// `[text][label]` → label; `[text][]` and `[text]` → text.
    private static func label(of span: [UInt8]) -> ArraySlice<UInt8> {
        let inner = span.dropLast()
        if inner.last == UInt8(ascii: "["), inner.count >= 2 {
            return span[1..<(span.count - 3)]
        }
        if let open = inner.lastIndex(of: UInt8(ascii: "[")), open > 1, span[open - 1] == UInt8(ascii: "]"), span[open - 2] != UInt8(ascii: "\\") {
            return span[(open + 1)..<(span.count - 1)]
        }
        return span[1..<(span.count - 1)]
    }

    /// The `]` that closes a label opened at `open` (labels hold no unescaped brackets).
    private static func closingBracket(in line: [UInt8], after open: Int) -> Int? {
        var index = open + 1
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return index
            default: break
            }
            index += 1
        }
        return nil
    }

    /// CommonMark's label matching: case-insensitive, inner whitespace collapsed, ends trimmed.
    private static func normalise(_ label: ArraySlice<UInt8>) -> String {
        String(decoding: label, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
            .lowercased()
    }
}
