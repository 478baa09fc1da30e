import Foundation

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
        var body = body
        return body.withUTF8 { paths(in: $0) }
    }

    /// `paths(in:)` of a body's UTF-8 bytes.
    static func paths(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        // A body has a few paths: they are compared one by one, and hashed only past `listed`.
        var found: [String] = []
        var hashed: Set<String>?
        func add(_ path: String) {
            if hashed != nil {
                hashed!.insert(path)
            } else if !found.contains(path) {
                found.append(path)
                if found.count > listed { hashed = Set(found) }
            }
        }
        let wordStops = Self.wordStops, destinationStops = Self.destinationStops
        guard let base = bytes.baseAddress else { return [] }
        // The same text is found again and again (every `##` of a heading gives `#`): the
        // first few places found are kept, and a text with the bytes of one of them is
        // neither made a String nor hashed again.
        var seen: [Range<Int>] = []
        func insert(_ range: Range<Int>) {
            for earlier in seen where earlier.count == range.count && memcmp(base + earlier.lowerBound, base + range.lowerBound, range.count) == 0 {
                return
            }
            if seen.count < 8 { seen.append(range) }
            add(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        }
        // Each `#` found with memchr: a body is kilobytes, its `#`s a few.
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "#")), bytes.count - from) {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = index + 1
            // Two readings of where the path starts: after white space (`[r]: x.md#id`), or
            // after the opening bracket or quote only (`<my file.md#id>`, a name with spaces).
            // The second reading reaches at least as far back as the first (its stops are
            // among the first's): it goes on from where the first stopped, and a path both
            // readings find is made once.
            var word = index
            while word > 0, !wordStops[Int(bytes[word - 1])] { word -= 1 }
            var destination = word
            while destination > 0, !destinationStops[Int(bytes[destination - 1])] { destination -= 1 }
            if word < index { insert(word..<index) }
            if destination < word { insert(destination..<index) }
        }
        return hashed?.sorted() ?? found.sorted()
    }

    private static let listed = 16

    /// Which bytes end a path read backwards from a `#`, by byte value (a table: looked up for
    /// every byte walked over).
    private static let destinationStops = stopTable("\n\r(<\"'=`")
    private static let wordStops = stopTable("\n\r(<\"'=` \t[]>")

    private static func stopTable(_ stops: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in stops.utf8 { table[Int(byte)] = true }
        return table
    }
}
