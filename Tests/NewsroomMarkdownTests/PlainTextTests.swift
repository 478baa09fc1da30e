import Testing
import TestSupport
@testable import NewsroomMarkdown

/// The search index's plain text of a body against a plain reading of the HTML written with
/// every link dropped and every raw HTML node left out: tags become one space, references are
/// read back, text stays.
struct PlainTextTests {
    /// The HTML read a byte at a time, with nothing found by searching.
    static func reference(_ parsed: ParsedMarkdown) -> String {
        let html = parsed.html(rawHTML: parsed.rawHTML.map { _ in "" }, links: parsed.references.map { _ in .drop })
        var text: [UInt8] = []
        var index = 0
        while index < html.count {
            switch html[index] {
            case UInt8(ascii: "<"):
                while index < html.count, html[index] != UInt8(ascii: ">") { index += 1 }
                text.append(UInt8(ascii: " "))
            case UInt8(ascii: "&"):
                var end = index + 1
                while end < html.count, end - index < 12, html[end] != UInt8(ascii: ";") { end += 1 }
                if end < html.count, html[end] == UInt8(ascii: ";") {
                    text += referenceText(String(decoding: html[(index + 1)..<end], as: UTF8.self))
                    index = end
                } else {
                    text.append(UInt8(ascii: "&"))
                }
            default:
                text.append(html[index])
            }
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func referenceText(_ name: String) -> [UInt8] {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\""]
        if let text = named[name] { return Array(text.utf8) }
        guard name.hasPrefix("#") else { return [UInt8(ascii: " ")] }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { Array(String($0).utf8) } ?? [UInt8(ascii: " ")]
    }

    @Test(arguments: [
        "", "plain words", "A *b* and **c**, [a link](https://example.org/x) and ![an image](/i.png \"t\").",
        "Tom & Jerry < Bob > \"quoted\" 'single' © &copy; &#169; &#x1F600; &#xD800; &#; &unknownentityname; & alone",
        "# Heading\n\nText with `<code>` and\n\n```\n<pre> & block\n```\n",
        "<div id=\"x\">raw block</div>\n\nInline <span class=\"a\">raw</span> html and <b>bold</b>.",
        "[ref][r] and <https://example.org/auto> and www.example.org and a@b.org\n\n[r]: /target/ \"Title\"",
        "Footnote[^1].\n\n[^1]: The note, with [a link](x.md).",
        "| a | b |\n|---|---|\n| 1 & 2 | <x> |\n",
        "Grüße, 日本語, “smart” quotes -- and ... and a tag <unclosed",
    ])
    func matchesAPlainReading(_ source: String) {
        for allowsRawHTML in [false, true] {
            let parsed = MarkdownRenderer(allowsRawHTML: allowsRawHTML).parse(source)
            #expect(parsed.plainText() == Self.reference(parsed), "\(source) raw HTML: \(allowsRawHTML)")
        }
    }

    @Test func matchesAPlainReadingOfGeneratedDocuments() {
        var generator = SeededRandom(seed: 0x9_1A17)
        let pieces = [
            "word ", "é ", "&", "&amp;", "&#38;", "&x", ";", "<", ">", "<b>", "</b>", "*", "_", "`", "[a](b)", "![i](j)",
            "<a href=\"x\">", "</a>", "\n", "\n\n", "# ", "> ", "- ", "\"", "'", "www.a.org ", "http://b.org ", "[^n]", "\n\n[^n]: note\n",
        ]
        for _ in 0..<400 {
            let source = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for allowsRawHTML in [false, true] {
                let parsed = MarkdownRenderer(allowsRawHTML: allowsRawHTML).parse(source)
                #expect(parsed.plainText() == Self.reference(parsed), "\(source) raw HTML: \(allowsRawHTML)")
            }
        }
    }
}
