import Testing
@testable import NewsroomMustache

/// HTML escaping of variables: `& < > " '` and nothing else, for every ASCII byte and beyond.
@Suite struct EscapingTests {
    static func reference(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    @Test func everyScalarUpTo0x2FF() {
        let all = String(String.UnicodeScalarView((1...0x2FF).compactMap(Unicode.Scalar.init)))
        #expect(HTMLEscaping.escaped(all) == Self.reference(all))
    }

    @Test func runsAndEnds() {
        for text in ["", "&", "a&b", "<<>>", "\"'", "plain", "x'", "'x", "é&ü<ß>", "&&&&&&&&"] {
            #expect(HTMLEscaping.escaped(text) == Self.reference(text))
        }
    }

    @Test func variablesAreEscapedInTemplates() throws {
        let set = try MustacheTemplateSet(templates: ["t": "{{v}}|{{{v}}}"])
        #expect(set.render("t", context: ["v": "<a href=\"x\">'&'</a>@`="]) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;@`=|<a href=\"x\">'&'</a>@`=")
    }
}
