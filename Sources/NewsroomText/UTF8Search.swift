#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level substring search on UTF-8, far cheaper than Foundation's `range(of:)` on the
/// page-sized strings the generator handles.
package enum UTF8Search {
    /// The offset of the first `needle` in `haystack` at or after `start`: memchr finds each
    /// place the needle's first byte occurs, and memcmp checks the rest there.
    package static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
        return needle.withUnsafeBytes { pattern -> Int? in
            var index = start
            let last = haystack.count - needle.count
            while index <= last {
                guard let hit = memchr(base + index, Int32(needle[0]), last - index + 1) else { return nil }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, pattern.baseAddress!, needle.count) == 0 { return offset }
                index = offset + 1
            }
            return nil
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
