/// Byte-level substring search on UTF-8, far cheaper than Foundation's `range(of:)` on the
/// page-sized strings the generator handles.
public enum UTF8Search {
    /// The offset of the first `needle` in `haystack` at or after `start`.
    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
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
