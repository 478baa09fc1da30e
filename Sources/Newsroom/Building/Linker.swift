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
        let from = page.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        var to = target.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: from.count - common)
        to = Array(to.dropFirst(common))
        if cleanURLs, to.last == "index.html" { to.removeLast() }
        let parts = ups + to.map { Self.encode(String($0)) }
        if parts.isEmpty { return "./" }
        let joined = parts.joined(separator: "/")
        let isFolder = cleanURLs && target.hasSuffix("index.html") || target.hasSuffix("/")
        return isFolder ? joined + "/" : joined
    }

    /// The absolute URL of `target` under `base_url`.
    public func absolute(_ target: String) -> String {
        var path = target
        if cleanURLs, path == "index.html" || path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return baseURL + path.split(separator: "/", omittingEmptySubsequences: false).map { Self.encode(String($0)) }.joined(separator: "/")
    }

    /// The root-relative URL of `target` (for `404.html`, which a server sends from any path).
    public func rootRelative(_ target: String, basePath: String) -> String {
        var path = target
        if path == "index.html" || path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return basePath + path.split(separator: "/", omittingEmptySubsequences: false).map { Self.encode(String($0)) }.joined(separator: "/")
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#%;")
        return set
    }()

    static func encode(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
