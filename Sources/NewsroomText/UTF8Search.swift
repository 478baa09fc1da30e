#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level substring search on UTF-8, far cheaper than Foundation's `range(of:)` on the
/// page-sized strings the generator handles.
package enum UTF8Search {
    /// The offset of the first `needle` in `haystack` at or after `start`.
    ///
    /// memchr (vectorised in glibc) finds each place the needle's rarest byte occurs, and memcmp
    /// checks the rest there. Searching for the first byte instead stopped dozens of times per
    /// line of HTML for `href="#icon-`; glibc's memmem is not vectorised for short needles.
    package static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        firstIndex(of: Needle(needle), in: haystack, from: start)
    }

    /// A needle with its rarest byte found once, for searches repeated in a loop or on every page.
    package struct Needle: Sendable {
        package let bytes: [UInt8]
        let pivot: Int

        package init(_ bytes: [UInt8]) {
            self.bytes = bytes
            pivot = bytes.isEmpty ? 0 : rarestOffset(in: bytes)
        }

        package init(_ text: String) {
            self.init(Array(text.utf8))
        }
    }

    /// `firstIndex(of:in:from:)` for a needle made beforehand.
    package static func firstIndex(of needle: Needle, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let pivot = needle.pivot
        let needle = needle.bytes
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
        return needle.withUnsafeBytes { pattern -> Int? in
            // Candidate starts run from `start` to `last`; the pivot byte sits `pivot` further on.
            var index = start
            let last = haystack.count - needle.count
            while index <= last {
                guard let hit = memchr(base + index + pivot, Int32(needle[pivot]), last - index + 1) else { return nil }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
                if memcmp(base + offset, pattern.baseAddress!, needle.count) == 0 { return offset }
                index = offset + 1
            }
            return nil
        }
    }

    /// The offset of the needle byte least likely in HTML and prose.
    static func rarestOffset(in needle: [UInt8]) -> Int {
        var best = 0
        for index in needle.indices where commonness(needle[index]) < commonness(needle[best]) { best = index }
        return best
    }

    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 0x80...: return 0
        case UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            return 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ";"):
            return 2
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 3
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: ","):
            return 4
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return 5
        default: return 6
        }
    }

    /// `bytes` with every `target` replaced by `replacement`.
    package static func replacing(_ target: Needle, with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            guard var found = firstIndex(of: target, in: buffer) else { return bytes }
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count + 64)
            var cursor = 0
            while true {
                output += buffer[cursor..<found]
                output += replacement
                cursor = found + target.bytes.count
                guard let next = firstIndex(of: target, in: buffer, from: cursor) else { break }
                found = next
            }
            output += buffer[cursor...]
            return output
        }
    }
}
