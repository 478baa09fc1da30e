import Foundation

/// Finds the URLs a Markdown or HTML body links to (inline links and images, reference
/// definitions, `href` and `src` attributes) outside fenced code, and replaces each with what a
/// transform returns. Line breaks are never touched, so lines stay where they were.
enum LinkScanner {
    struct Found {
        var url: String
        /// The body line the URL is on (1-based).
        var line: Int
    }

    private static func patterns() -> [NSRegularExpression] { [
        // ![alt](url "title") and [text](url): the URL is group 2 (or 3 inside <>).
        CompiledPattern.regex(#"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(?:<([^>\n]*)>|([^\s()]+(?:\([^\s()]*\)[^\s()]*)*))"#),
        // [label]: url
        CompiledPattern.regex(#"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))"#),
        // href="url", src='url'
        CompiledPattern.regex(#"(?i)\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')"#),
    ] }

    static func rewrite(_ text: String, _ transform: (Found) -> String?) -> String {
        let string = text as NSString
        let code = fencedCode(in: text)
        var replacements: [(NSRange, String)] = []
        for (index, regex) in patterns().enumerated() {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                let groups = index == 1 ? [1, 2] : [2, 3]
                guard let group = groups.first(where: { match.range(at: $0).location != NSNotFound }) else { continue }
                let range = match.range(at: group)
                guard !code.contains(where: { NSLocationInRange(range.location, $0) }) else { continue }
                let line = lineNumber(of: range.location, in: string)
                let found = Found(url: string.substring(with: range), line: line)
                if let replacement = transform(found) { replacements.append((range, replacement)) }
            }
        }
        let result = NSMutableString(string: text)
        for (range, replacement) in replacements.sorted(by: { $0.0.location > $1.0.location }) {
            result.replaceCharacters(in: range, with: replacement)
        }
        return result as String
    }

    /// The ranges of fenced code blocks (``` or ~~~), where nothing is a link.
    static func fencedCode(in text: String) -> [NSRange] {
        var ranges: [NSRange] = []
        var offset = 0
        var open: (start: Int, fence: String)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = (String(line) as NSString).length
            let trimmed = line.drop(while: { $0 == " " })
            if let current = open {
                if trimmed.hasPrefix(current.fence), trimmed.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == current.fence.first }) {
                    ranges.append(NSRange(location: current.start, length: offset + length - current.start))
                    open = nil
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let mark = trimmed.first!
                open = (offset, String(trimmed.prefix(while: { $0 == mark })))
            }
            offset += length + 1
        }
        if let current = open { ranges.append(NSRange(location: current.start, length: max(0, offset - 1 - current.start))) }
        return ranges
    }

    static func lineNumber(of location: Int, in string: NSString) -> Int {
        var line = 1
        var index = 0
        while index < location {
            if string.character(at: index) == 0x0A { line += 1 }
            index += 1
        }
        return line
    }
}
