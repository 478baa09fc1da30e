import Foundation
import NewsroomText
import NewsroomMustache

/// URL path segments made from names: checked when the author writes one, derived otherwise.
enum Slug {
    /// Letters (any script), digits, `-` and `_`, starting with a letter or digit, at most 120 long.
    static func isValid(_ slug: String) -> Bool {
        if slug.isASCII {
            // The same test by byte: an ASCII letter is alphabetic, and lower case unless A–Z.
            let bytes = slug.utf8
            guard let first = bytes.first, bytes.count <= 120, ASCII.isLetter(first) || ASCII.isDigit(first) else { return false }
            return bytes.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ASCII.isLowercaseLetter($0) || ASCII.isDigit($0) }
        }
        guard let first = slug.unicodeScalars.first, slug.count <= 120 else { return false }
        guard first.properties.isAlphabetic || first.properties.numericType != nil else { return false }
        return slug.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar == "_"
                || (scalar.properties.isAlphabetic && !scalar.properties.isUppercase)
                || ("0"..."9").contains(scalar)
        }
    }

    /// A slug for any text: lower-cased, accents dropped, runs of other characters made one `-`.
    /// Letters of scripts without a Latin form are kept as they are.
    static func make(from text: String) -> String {
        cache.value(text) { compute(from: text) }
    }

    /// Tags repeat across thousands of items; Foundation's folding is slow, so each text is slugged once.
    private static let cache = LockedMemo<String, String>()

    private static func compute(from text: String) -> String {
        // Accents come off Latin letters only: Cyrillic ї or Greek ά are letters of their own.
        let folded = text.map { character -> String in
            guard let first = character.unicodeScalars.first, first.value < 0x250 || (0x1E00...0x1EFF).contains(first.value) else {
                return String(character)
            }
            return String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: posix)
        }.joined()
        var slug = ""
        var pendingDash = false
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingDash = true
            }
        }
        let specials: [Character: String] = ["ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"]
        slug = slug.map { specials[$0] ?? String($0) }.joined()
        return String(slug.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The slug a file or bundle name gives: the name itself when it is a valid slug, else the
    /// name slugified (`Rust-1.0` → `rust-1-0`), as authors of older archives named files freely.
    /// An error only when no letter or digit is left to make one from.
    static func fromFileName(_ name: String, at location: SourceLocation, log: inout DiagnosticLog) -> String? {
        if isValid(name) { return name }
        let made = make(from: name)
        guard !made.isEmpty else {
            log.error("the file name '\(name)' has no letters or digits to make a URL from; rename it or set 'slug'", at: location)
            return nil
        }
        return made
    }

    /// Whether `make(from: text)` is not empty: an ASCII letter or digit, which no folding
    /// removes, says so without making the slug.
    static func hasLetterOrDigit(_ text: String) -> Bool {
        text.utf8.contains { ASCII.isLetter($0) || ASCII.isDigit($0) } || !make(from: text).isEmpty
    }

    /// `2023-03-21-bucharest` → (`2023-03-21`, `bucharest`); no prefix → (nil, name).
    static func splitDatePrefix(_ name: String) -> (date: String?, slug: String) {
        // By byte when the first twelve are ASCII other than CR: each is then a Character of
        // its own, so the bytes say what the Characters below would.
        let bytes = name.utf8
        if bytes.count < 12 { return (nil, name) }
        if bytes.prefix(12).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let isDate = bytes.prefix(11).enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 || index == 10 ? byte == UInt8(ascii: "-") : ASCII.isDigit(byte)
            }
            guard isDate else { return (nil, name) }
            let dateEnd = bytes.index(bytes.startIndex, offsetBy: 10)
            return (String(name[..<dateEnd]), String(name[bytes.index(after: dateEnd)...]))
        }
        let chars = Array(name)
        guard chars.count > 11, chars[10] == "-",
              chars[0..<10].enumerated().allSatisfy({ index, c in index == 4 || index == 7 ? c == "-" : c.isASCII && c.isNumber })
        else { return (nil, name) }
        return (String(chars[0..<10]), String(chars[11...]))
    }
}
