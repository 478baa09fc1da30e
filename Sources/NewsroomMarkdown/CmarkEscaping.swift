/// What cmark-gfm's HTML renderer does to a link destination and to raw HTML, for the texts
/// that fill a `ParsedMarkdown`'s slots after cmark is done (`CmarkEscapingTests` holds them
/// to cmark's own output).
enum CmarkEscaping {
    /// The bytes cmark writes into an `href` or `src` as they are (`HREF_SAFE` in houdini).
    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `url` escaped for an attribute as cmark's `houdini_escape_href` does. Runs of bytes kept
    /// as they are go in whole, and the table is read once per call, not once per byte.
    static func appendHref(_ url: String, to output: inout [UInt8]) {
        var url = url
        let safe = hrefSafe
        url.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where !safe[Int(bytes[index])] {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch bytes[index] {
                case UInt8(ascii: "&"): output += "&amp;".utf8
                case UInt8(ascii: "'"): output += "&#x27;".utf8
                default: output += [UInt8(ascii: "%"), hex[Int(bytes[index] >> 4)], hex[Int(bytes[index] & 0xF)]]
                }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// GFM's tag filter: the `<` of each filtered element's start or end tag becomes `&lt;`.
    static func tagFiltered(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "<")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<"), isFilteredTag(bytes[index...]) {
                result += Array("&lt;".utf8)
            } else {
                result.append(bytes[index])
            }
        }
        return result
    }

    private static let filtered = MarkdownRenderer.tagFilteredElements.map { Array($0.utf8) }

    /// cmark-gfm's `is_tag` for any filtered name, on the text from a `<` to the literal's end.
    private static func isFilteredTag(_ tag: ArraySlice<UInt8>) -> Bool {
        let data = tag
        guard data.count >= 3 else { return false }
        return filtered.contains { name in
            var index = data.startIndex + 1
            if data[index] == UInt8(ascii: "/") { index += 1 }
            for letter in name {
                guard index < data.endIndex else { break }
                let byte = data[index]
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                guard lower == letter else { return false }
                index += 1
            }
            guard index < data.endIndex else { return false }
            let next = data[index]
            if [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(next) || next == UInt8(ascii: ">") { return true }
            return next == UInt8(ascii: "/") && data.endIndex >= index + 2 && data[index + 1] == UInt8(ascii: ">")
        }
    }
}
