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

    /// Text is skipped eight bytes at a time: a special byte at any place in or across those
    /// words, alone or next to others, is still escaped.
    @Test func everyPlaceInAWord() {
        for special in ["&", "<", ">", "\"", "'"] {
            for length in [1, 7, 8, 9, 15, 16, 17, 24, 31] {
                for place in 0..<length {
                    var characters = Array(repeating: "a", count: length)
                    characters[place] = special
                    let text = characters.joined()
                    #expect(HTMLEscaping.escaped(text) == Self.reference(text), "\(text)")
                    characters[(place + 3) % length] = "é"
                    characters[(place + 5) % length] = "'"
                    let mixed = characters.joined()
                    #expect(HTMLEscaping.escaped(mixed) == Self.reference(mixed), "\(mixed)")
                }
            }
        }
    }

    @Test func theWordTestFindsEachSpecialByteAndNoOther() {
        for byte in UInt8(0)...UInt8(255) {
            for place in 0..<8 {
                let word = UInt64(byte) << (8 * UInt64(place)) | (0x6161_6161_6161_6161 & ~(0xFF << (8 * UInt64(place))))
                #expect(MustacheValue.mayNeedEscape(word) == [0x26, 0x3C, 0x3E, 0x22, 0x27].contains(byte), "byte \(byte) at \(place)")
            }
        }
    }

    @Test func variablesAreEscapedInTemplates() throws {
        let set = try MustacheTemplateSet(templates: ["t": "{{v}}|{{{v}}}"])
        #expect(set.render("t", context: ["v": "<a href=\"x\">'&'</a>@`="]) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;@`=|<a href=\"x\">'&'</a>@`=")
    }
}
