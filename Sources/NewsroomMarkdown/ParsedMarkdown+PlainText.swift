#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ParsedMarkdown {
    /// The body's words as a reader sees them, for the search index: the HTML with every tag
    /// turned into a space (so words of two blocks never run together), raw HTML dropped and
    /// cmark-gfm's character references read back. cmark-gfm escapes a `<` in text, so every
    /// `<` left in its HTML opens a tag.
    public func plainText() -> String {
        // Links dropped and raw HTML left out write nothing: the HTML between the slots.
        var bytes = html
        if !slots.isEmpty {
            bytes = []
            bytes.reserveCapacity(html.count)
            var cursor = 0
            for slot in slots {
                bytes += html[cursor..<slot.range.lowerBound]
                cursor = slot.range.upperBound
            }
            bytes += html[cursor...]
        }
        // Every tag and character reference is at least as long as what it becomes, so the
        // text fits in the HTML's length.
        return bytes.withUnsafeBufferPointer { html in
            String(unsafeUninitializedCapacity: html.count) { text in Self.strip(html, into: text) }
        }
    }

    /// Writes the text of `html` into `text` (as long as `html` at least); returns its length.
    /// Runs of text between tags are found with memchr and copied whole.
    private static func strip(_ html: UnsafeBufferPointer<UInt8>, into text: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = html.baseAddress, let out = text.baseAddress else { return 0 }
        let count = html.count
        var index = 0, written = 0
        func next(_ byte: UInt8, from start: Int) -> Int {
            guard start < count, let found = memchr(base + start, Int32(byte), count - start) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        while index < count {
            switch html[index] {
            case UInt8(ascii: "<"):
                index = next(UInt8(ascii: ">"), from: index) + 1
                out[written] = UInt8(ascii: " ")
                written += 1
            case UInt8(ascii: "&"):
                var end = index + 1
                while end < count, end - index < 12, html[end] != UInt8(ascii: ";") { end += 1 }
                if end < count, html[end] == UInt8(ascii: ";") {
                    for byte in characterReference(html[(index + 1)..<end]) {
                        out[written] = byte
                        written += 1
                    }
                    index = end + 1
                } else {
                    out[written] = UInt8(ascii: "&")
                    written += 1
                    index += 1
                }
            default:
                // Text up to the next tag or reference (references are rare: looked for only
                // within the run).
                let tag = next(UInt8(ascii: "<"), from: index)
                let reference = memchr(base + index, Int32(UInt8(ascii: "&")), tag - index)
                let end = reference.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? tag
                (out + written).update(from: base + index, count: end - index)
                written += end - index
                index = end
            }
        }
        return written
    }

    /// The text of `&name;` (without `&` and `;`): the references cmark-gfm writes, numeric ones,
    /// and a space for any other (its name is not a word of the text).
    private static func characterReference(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case let numeric where numeric.hasPrefix("#"):
            let digits = numeric.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, let scalar = Unicode.Scalar(value) { return Array(String(scalar).utf8) }
            return [UInt8(ascii: " ")]
        default: return [UInt8(ascii: " ")]
        }
    }
}
