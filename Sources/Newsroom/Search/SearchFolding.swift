import Foundation

/// Folds text the way a reader's query is folded in `search.js`, so that "Événement", "EVENEMENT"
/// and "evenement" are one word: lower case (full Unicode mapping), canonical decomposition with
/// every combining mark dropped, then œ → oe, æ → ae, ß → ss and final ς → σ (JavaScript's
/// `toLowerCase` writes a final sigma where Swift's per-scalar mapping does not, so both sides
/// end on σ). `Tests/Shared/search-vectors.json` holds the cases both implementations must give.
struct SearchFolding {
    /// Each non-ASCII scalar's folded form, looked up once per folder.
    private var memo: [UInt32: String] = [:]

    /// The folded text.
    mutating func fold(_ text: String) -> String {
        var output = String()
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                output.unicodeScalars.append(Unicode.Scalar((value >= 65 && value <= 90) ? value + 32 : value))
            } else if let folded = memo[scalar.value] {
                output += folded
            } else {
                let folded = Self.foldScalar(scalar)
                memo[scalar.value] = folded
                output += folded
            }
        }
        return output
    }

    static func foldScalar(_ scalar: Unicode.Scalar) -> String {
        let lower = scalar.properties.lowercaseMapping
        var result = String()
        for decomposed in lower.decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(decomposed) {
            switch decomposed {
            case "œ": result += "oe"
            case "æ": result += "ae"
            case "ß": result += "ss"
            case "ς": result += "σ"
            default: result.unicodeScalars.append(decomposed)
            }
        }
        return result
    }

    /// `\p{M}` in JavaScript: combining marks of every kind.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `[\p{L}\p{N}]` in JavaScript: the scalars a word is made of.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 48 && value <= 57) || (value >= 97 && value <= 122) || (value >= 65 && value <= 90)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
