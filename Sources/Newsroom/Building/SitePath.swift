/// Site-relative path arithmetic that never leaves the root.
enum SitePath {
    /// `content/news` + `../pages/a.md` → `content/pages/a.md`; nil when it climbs out of the root.
    static func resolve(_ relative: String, from folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
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
