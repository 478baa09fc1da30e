import Foundation

/// Turns output paths (`news/2023/03/x/index.html`) into links: relative ones that work from disk,
/// absolute ones from `base_url` for canonical URLs, feeds and the sitemap.
public struct Linker: Sendable {
    public var baseURL: String
    public var cleanURLs: Bool
    /// Set for `404.html`: links become root-relative under this path (`/` or `/newsroom/`),
    /// because a server sends that page for any missing path.
    public var rootRelativeBase: String?

    public init(baseURL: String, cleanURLs: Bool, rootRelativeBase: String? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.cleanURLs = cleanURLs
        self.rootRelativeBase = rootRelativeBase
    }

    /// The link from the page written at `page` to the file at `target`, both output-root relative.
    public func relative(from page: String, to target: String) -> String {
        if let base = rootRelativeBase { return rootRelative(target, basePath: base) }
        var page = page, target = target
        return page.withUTF8 { from in
            target.withUTF8 { to in
                // The folders the two paths share, compared byte by byte up to a slash.
                var common = 0, index = 0
                while index < from.count, index < to.count, from[index] == to[index] {
                    if from[index] == UInt8(ascii: "/") { common = index + 1 }
                    index += 1
                }
                var ups = 0
                for byte in from[common...] where byte == UInt8(ascii: "/") { ups += 1 }
                var rest = Substring(decoding: to[common...], as: UTF8.self)
                let isIndex = cleanURLs && (rest == "index.html" || rest.hasSuffix("/index.html"))
                if isIndex { rest = rest.dropLast("index.html".count) }
                var link = String(repeating: "../", count: ups) + Self.encodePath(rest)
                if link.isEmpty { link = "./" }
                return link
            }
        }
    }

    /// The absolute URL of `target` under `base_url`.
    public func absolute(_ target: String) -> String {
        var path = Substring(target)
        if cleanURLs, path == "index.html" || path.hasSuffix("/index.html") { path = path.dropLast("index.html".count) }
        return baseURL + Self.encodePath(path)
    }

    /// The root-relative URL of `target` (for `404.html`, which a server sends from any path).
    public func rootRelative(_ target: String, basePath: String) -> String {
        var path = Substring(target)
        if path == "index.html" || path.hasSuffix("/index.html") { path = path.dropLast("index.html".count) }
        return basePath + Self.encodePath(path)
    }

    /// Percent-encodes a path's bytes except unreserved characters, sub-delimiters, `:`, `@` and `/`.
    static func encodePath(_ path: Substring) -> String {
        PercentEncoding.encode(path, allowing: isPathByte)
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":"),
             UInt8(ascii: "@"):
            return true
        default:
            return PercentEncoding.isUnreserved(byte)
        }
    }
}
