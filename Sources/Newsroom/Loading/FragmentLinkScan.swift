/// The paths written before a `#` in a Markdown body: every `other.md#id`, `/about/#id` or
/// `../x/index.md#id` the body may link with, found without parsing it.
///
/// A page's render key includes the content of each page it links to with a fragment, so that
/// renaming a heading there renders (and checks) this page again. The key is made before any
/// Markdown is parsed, and for items restored from the load cache without reading their file,
/// so the targets come from this scan, kept with the item. It may find more than the links
/// (a hashtag, `C#`): those resolve to no page and add nothing to the key.
enum FragmentLinkScan {
    static func paths(in body: String) -> [String] {
        var found = Set<String>()
        let bytes = Array(body.utf8)
        for index in bytes.indices where bytes[index] == UInt8(ascii: "#") {
            // Two readings of where the path starts: after white space (`[r]: x.md#id`), or
            // after the opening bracket or quote only (`<my file.md#id>`, a name with spaces).
            for stops in [wordStops, destinationStops] {
                var start = index
                while start > 0, !stops.contains(bytes[start - 1]) { start -= 1 }
                if start < index { found.insert(String(decoding: bytes[start..<index], as: UTF8.self)) }
            }
        }
        return found.sorted()
    }

    private static let destinationStops: Set<UInt8> = Set("\n\r(<\"'=`".utf8)
    private static let wordStops: Set<UInt8> = destinationStops.union(" \t[]>".utf8)
}
