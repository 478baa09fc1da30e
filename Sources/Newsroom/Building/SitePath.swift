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
        let lowered = path.lowercased()
        return path.contains("\\") || path.contains("\0") || lowered.contains("%2e") || lowered.contains("%2f")
            || lowered.contains("%5c") || lowered.contains("%00")
            || path.split(separator: "/").contains { $0 == ".." || $0 == "." }
    }
}
