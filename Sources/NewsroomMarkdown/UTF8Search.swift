import CPlatform
#if canImport(Glibc)
import Glibc
#endif

/// Byte-level substring search on UTF-8, far cheaper than Foundation's `range(of:)` on the
/// page-sized strings the generator handles.
public enum UTF8Search {
    /// The offset of the first `needle` in `haystack` at or after `start`.
    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
        // glibc's memmem: a vectorised scan that does not stop at every byte like the needle's
        // first (memchr on 'h' of `href` stopped dozens of times per line of HTML).
        return needle.withUnsafeBytes { pattern -> Int? in
            guard let hit = newsroom_find_bytes(base + start, haystack.count - start, pattern.baseAddress!, needle.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// `text` with every `target` replaced by `replacement`.
    public static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let needle = Array(target.utf8)
        var text = text
        return text.withUTF8 { buffer in
            guard var found = firstIndex(of: needle, in: buffer) else { return String(decoding: buffer, as: UTF8.self) }
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count + 64)
            var cursor = 0
            while true {
                output += buffer[cursor..<found]
                output += replacement.utf8
                cursor = found + needle.count
                guard let next = firstIndex(of: needle, in: buffer, from: cursor) else { break }
                found = next
            }
            output += buffer[cursor...]
            return String(decoding: output, as: UTF8.self)
        }
    }

    public static func contains(_ target: String, in text: String) -> Bool {
        var text = text
        let needle = Array(target.utf8)
        return text.withUTF8 { firstIndex(of: needle, in: $0) != nil }
    }
}
