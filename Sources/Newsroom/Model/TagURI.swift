/// RFC 4151 tag URIs, the permanent ids of news items in feeds
/// (`tag:opendoorjustice.example,2026-11-12:online-convictions`).
///
/// A tag URI names who minted it and when, so it stays the same when the item's slug, URL or
/// host changes; feed readers key "already read" on it.
public enum TagURI {
    /// The id an item gets from the site's host, the day it is dated and its slug. The import
    /// tool and `generate new` write it; the build derives the same one for an item without
    /// an `id` (and warns, so it is pinned before a rename would change it).
    public static func make(host: String, year: Int, month: Int, day: Int, slug: String) -> String {
        // Written into one String: joined with `+`, each piece made another one first.
        // A host from a URL is lower case already, and lower-casing it would make another.
        let host = host.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || $0 >= 0x80 } ? host.lowercased() : host
        let slug = encoded(slug)
        var id = "tag:"
        id.reserveCapacity(4 + host.utf8.count + 12 + slug.utf8.count)
        id += host
        id += ","
        id += PublicationDate.pad(year, width: 4)
        id += "-"
        id += PublicationDate.pad(month)
        id += "-"
        id += PublicationDate.pad(day)
        id += ":"
        id += slug
        return id
    }

    /// `slug` with every byte a tag URI cannot hold as it is percent-encoded (slugs may hold
    /// letters beyond ASCII: `україна` → `%D1%83…`).
    static func encoded(_ slug: String) -> String {
        guard !slug.utf8.allSatisfy(isSpecificByte) else { return slug }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in slug.utf8 {
            if isSpecificByte(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Nil when `text` is a tag URI; otherwise what is wrong with it, for an error message.
    public static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count > 4, bytes[0..<4].elementsEqual("tag:".utf8) else { return "it does not start with 'tag:'" }
        let rest = bytes[4...]
        guard let comma = rest.firstIndex(of: UInt8(ascii: ",")) else {
            return "it has no ',' between the authority and the date (tag:example.org,2026-11-12:slug)"
        }
        let authority = rest[rest.startIndex..<comma]
        guard isAuthority(authority) else {
            return "'\(String(decoding: authority, as: UTF8.self))' is not a domain name or e-mail address"
        }
        let afterComma = rest[(comma + 1)...]
        guard let colon = afterComma.firstIndex(of: UInt8(ascii: ":")) else {
            return "it has no ':' between the date and the specific part"
        }
        let date = afterComma[afterComma.startIndex..<colon]
        if let reason = dateProblem(date) { return reason }
        let specific = afterComma[(colon + 1)...]
        var fragment = false
        var index = specific.startIndex
        while index < specific.endIndex {
            let byte = specific[index]
            index += 1
            if byte == UInt8(ascii: "#"), !fragment { fragment = true; continue }
            if byte == UInt8(ascii: "%") {
                guard index + 1 < specific.endIndex, isHexDigit(specific[index]), isHexDigit(specific[index + 1]) else {
                    return "a '%' after the date must start an escape like %20"
                }
                index += 2
                continue
            }
            guard isSpecificByte(byte) else {
                if byte >= 0x80 { return "characters beyond ASCII after the date must be percent-encoded" }
                return "'\(String(decoding: [byte], as: UTF8.self))' may not appear after the date (percent-encode it, or use letters, digits and - . _ ~ : @ /)"
            }
        }
        return nil
    }

    /// `authorityName`: a DNS name or an e-mail address.
    private static func isAuthority(_ bytes: ArraySlice<UInt8>) -> Bool {
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            let local = bytes[bytes.startIndex..<at]
            return !local.isEmpty && local.allSatisfy { isAlphaNumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }
                && isDNSName(bytes[(at + 1)...])
        }
        return isDNSName(bytes)
    }

    private static func isDNSName(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !bytes.isEmpty && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, isAlphaNumeric(first), isAlphaNumeric(last) else { return false }
            return label.allSatisfy { isAlphaNumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date.
    private static func dateProblem(_ bytes: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
              zip(parts, widths).allSatisfy({ part, width in part.utf8.count == width && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else { return "'\(text)' is not a date like 2026-11-12 (or 2026-11, or 2026)" }
        let numbers = parts.map { Int($0)! }
        if numbers.count > 1, !(1...12).contains(numbers[1]) { return "'\(text)' has no month \(numbers[1])" }
        if numbers.count > 2 {
            let leap = numbers[0] % 4 == 0 && (numbers[0] % 100 != 0 || numbers[0] % 400 == 0)
            let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][numbers[1] - 1]
            if !(1...length).contains(numbers[2]) { return "'\(text)' is not a real date" }
        }
        return nil
    }

    /// RFC 3986 `pchar`, `/` and `?` (`%` escapes apart): unreserved, sub-delimiters, `:` and `@`.
    private static func isSpecificByte(_ byte: UInt8) -> Bool {
        if isAlphaNumeric(byte) { return true }
        return "-._~!$&'()*+,;=:@/?".utf8.contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isAlphaNumeric(byte) && (byte <= 0x39 || (byte | 0x20) <= UInt8(ascii: "f"))
    }

    private static func isAlphaNumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
