/// Site-relative path arithmetic that never leaves the root.
enum SitePath {
    /// `content/news` + `../pages/a.md` → `content/pages/a.md`; nil when it climbs out of the root.
    /// Parts are cut at `/` bytes (empty ones dropped), so the work is one pass over each text:
    /// `generate check` resolves every link of every page through it.
    static func resolve(_ relative: String, from folder: String) -> String? {
        var path: [UInt8] = []
        path.reserveCapacity(folder.utf8.count + relative.utf8.count)
        // Where each part of `path` starts, counting the `/` before it.
        var starts: [Int] = []
        func parts(_ text: String, _ visit: (Substring.UTF8View) -> Bool) -> Bool {
            let bytes = text.utf8
            var start = bytes.startIndex
            while start < bytes.endIndex {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
                if start < end, !visit(bytes[start..<end]) { return false }
                start = end < bytes.endIndex ? bytes.index(after: end) : end
            }
            return true
        }
        func append(_ part: Substring.UTF8View) {
            starts.append(path.count)
            if !path.isEmpty { path.append(UInt8(ascii: "/")) }
            path.append(contentsOf: part)
        }
        _ = parts(folder) { append($0); return true }
        let inside = parts(relative) { part in
            if part.elementsEqual(".".utf8) { return true }
            if part.elementsEqual("..".utf8) {
                guard let start = starts.popLast() else { return false }
                path.removeSubrange(start...)
                return true
            }
            append(part)
            return true
        }
        return inside ? String(decoding: path, as: UTF8.self) : nil
    }

    /// True for a path an attacker could use to leave the output folder or confuse a server.
    static func isUnsafe(_ path: String) -> Bool {
        var path = path
        return path.withUTF8(isUnsafe)
    }

    private static func isUnsafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\\") || byte == 0 { return true }
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count {
                let code = String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self).lowercased()
                if code == "2e" || code == "2f" || code == "5c" || code == "00" { return true }
            }
            if byte == UInt8(ascii: "."), index == 0 || bytes[index - 1] == UInt8(ascii: "/") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: "/")
                if next == UInt8(ascii: "/") { return true }
                if next == UInt8(ascii: "."), index + 2 >= bytes.count || bytes[index + 2] == UInt8(ascii: "/") { return true }
            }
        }
        return false
    }
}
