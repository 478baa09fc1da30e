import Testing
@testable import NewsroomText

/// HTML escaping: `& < > " '` and nothing else, for every ASCII byte and beyond.
@Suite struct HTMLEscapingTests {
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

    /// Each special byte at every place of texts longer than one 16-byte chunk, so that chunks
    /// with and without one, and the bytes after the last whole chunk, are all covered.
    @Test func specialBytesAtEveryPlace() {
        for special in ["&", "<", ">", "\"", "'"] {
            for length in [15, 16, 17, 31, 32, 33, 47] {
                for place in 0..<length {
                    var characters = Array(repeating: "a", count: length)
                    characters[place] = special
                    let text = characters.joined()
                    #expect(HTMLEscaping.escaped(text) == Self.reference(text))
                }
            }
        }
    }
}
