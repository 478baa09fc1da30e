import Foundation

/// Paths inside the new site, and relative links between them.
enum ImportPaths {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"]

    static func isImage(_ path: String) -> Bool {
        imageExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// The link from a file in `fromFolder` to `target` (both relative to the site folder).
    static func relative(from fromFolder: String, to target: String) -> String {
        let from = fromFolder.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }

    /// The key an old URL is found by: `/a/b/`, `/a/b`, `/a/b/index.html` and `/a/b.html` are
    /// one page to a web server.
    static func urlKey(_ path: String) -> String {
        var key = path.removingPercentEncoding ?? path
        if key.hasSuffix("/index.html") { key.removeLast("index.html".count) }
        if key.hasSuffix(".html") { key.removeLast(5) }
        while key.hasSuffix("/") { key.removeLast() }
        return key.hasPrefix("/") ? key : "/" + key
    }

    /// `/a/b/../c/./d/` → `/a/c/d/`: `.` and `..` resolved in the text alone (no look at the disk,
    /// where a link could name a folder that does not exist); `..` above the root stays at it.
    static func collapse(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        let trailing = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        return "/" + parts.joined(separator: "/") + (trailing && !parts.isEmpty ? "/" : "")
    }

    /// An old URL as an alias path, or nil when no redirect page can stand for it (a query).
    static func aliasPath(_ url: String) -> String? {
        var path = url
        if let parsed = URL(string: url), parsed.scheme != nil { path = parsed.path + (url.hasSuffix("/") && !parsed.path.hasSuffix("/") ? "/" : "") }
        if !path.hasPrefix("/") { path = "/" + path }
        guard !path.contains("?"), !path.contains("#"), path != "/", !path.contains("//") else { return nil }
        return path
    }
}
