#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level substring search on UTF-8, far cheaper than Foundation's `range(of:)` on the
/// page-sized strings the generator handles.
package enum UTF8Search {
    /// The offset of the first `needle` in `haystack` at or after `start`: memchr finds each
    /// place one byte of the needle occurs, and memcmp checks the whole needle there. The byte is
    /// the needle's rarest in HTML and prose (see `commonness`): looking for `href="#icon-` by
    /// its `h` stopped at every `h` of a page, and for ` id=` by its space at every word.
    package static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
        var anchor = 0
        for index in needle.indices.dropFirst() where commonness(needle[index]) < commonness(needle[anchor]) {
            anchor = index
        }
        let anchorByte = Int32(needle[anchor])
        return needle.withUnsafeBytes { pattern -> Int? in
            // Where the anchor byte of a match at `start`, and of the last possible match, is.
            var index = start + anchor
            let last = haystack.count - needle.count + anchor
            while index <= last {
                guard let hit = memchr(base + index, anchorByte, last - index + 1) else { return nil }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                if memcmp(base + offset, pattern.baseAddress!, needle.count) == 0 { return offset }
                index = offset + anchor + 1
            }
            return nil
        }
    }

    /// How often a byte fills HTML and prose, from 0 (anything else) up: `=` once per
    /// attribute, `"` and `/` a few times per tag, `<` and `>` once per tag, then line breaks,
    /// lower-case letters and, most of all, spaces.
    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "="): 1
        case UInt8(ascii: "\""), UInt8(ascii: "/"): 2
        case UInt8(ascii: "<"), UInt8(ascii: ">"): 3
        case UInt8(ascii: "\n"): 4
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 5
        case UInt8(ascii: " "): 6
        default: 0
        }
    }

    /// `bytes` with every `target` replaced by `replacement`.
    package static func replacing(_ target: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            guard var found = firstIndex(of: target, in: buffer) else { return bytes }
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count + 64)
            var cursor = 0
            while true {
                output += buffer[cursor..<found]
                output += replacement
                cursor = found + target.count
                guard let next = firstIndex(of: target, in: buffer, from: cursor) else { break }
                found = next
            }
            output += buffer[cursor...]
            return output
        }
    }
}
