import Foundation
import NewsroomText

/// Turns output paths (`news/2023/03/x/index.html`) into links: relative ones that work from disk,
/// absolute ones from `base_url` for canonical URLs, feeds and the sitemap.
struct Linker: Sendable {
    var baseURL: String
    var cleanURLs: Bool
    /// Set for `404.html`: links become root-relative under this path (`/` or `/newsroom/`),
    /// because a server sends that page for any missing path.
    var rootRelativeBase: String?

    init(baseURL: String, cleanURLs: Bool, rootRelativeBase: String? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.cleanURLs = cleanURLs
        self.rootRelativeBase = rootRelativeBase
    }

    /// For an `http` or `https` URL into `base_url` (either scheme, host in any case), the rest
    /// after the base path (`about/index.html#top`, `""` for the home page); nil for any other URL.
    func pathUnderBase(_ url: String) -> Substring? {
        // Most links point elsewhere: for ASCII text (one byte per character) the scheme and
        // host are compared by byte, and only a link into the base goes on to the paths.
        if url.isASCII, baseURL.isASCII, !Self.sameHTTPHost(url, baseURL) { return nil }
        guard let address = Self.droppingHTTPScheme(url), let base = Self.droppingHTTPScheme(baseURL) else { return nil }
        let baseHostEnd = base.firstIndex(of: "/") ?? base.endIndex
        let hostEnd = address.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? address.endIndex
        guard address[..<hostEnd].lowercased() == base[..<baseHostEnd].lowercased() else { return nil }
        let basePath = base[baseHostEnd...]  // ends in `/`: init adds it
        let path = address[hostEnd...]
        if path.hasPrefix(basePath) { return path.dropFirst(basePath.count) }
        // The base path without its slash (`https://example.org/newsroom`), or the bare host.
        let bare = basePath.dropLast()
        guard path.hasPrefix(bare) else { return nil }
        let rest = path.dropFirst(bare.count)
        return rest.isEmpty || rest.first == "?" || rest.first == "#" ? rest : nil
    }

    /// Whether two ASCII URLs both start with `http://` or `https://` (any case) and name the same
    /// host (any case): what `pathUnderBase` checks first, by byte.
    private static func sameHTTPHost(_ a: String, _ b: String) -> Bool {
        guard let hostA = host(a)?.utf8, let hostB = host(b)?.utf8, hostA.count == hostB.count else { return false }
        return zip(hostA, hostB).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }

    /// The host of an ASCII `http` or `https` URL (scheme in any case): up to `/`, `?`, `#` or
    /// the end; nil for any other URL, or nothing after the scheme.
    private static func host(_ url: String) -> Substring? {
        guard let address = droppingHTTPScheme(url) else { return nil }
        let bytes = address.utf8
        let end = bytes.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        return address[..<end]
    }

    /// `example.org/x` for `https://example.org/x` or `http://example.org/x` (scheme in any case),
    /// the scheme compared by byte; nil for any other URL, or nothing after the scheme.
    private static func droppingHTTPScheme(_ url: String) -> Substring? {
        let bytes = url.utf8
        for scheme in ["https://", "http://"] where bytes.count > scheme.utf8.count && zip(bytes, scheme.utf8).allSatisfy({ ASCII.lowercased($0) == $1 }) {
            return url[bytes.index(bytes.startIndex, offsetBy: scheme.utf8.count)...]
        }
        return nil
    }

    /// The link from the page written at `page` to the file at `target`, both output-root relative.
    func relative(from page: String, to target: String) -> String {
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
                var end = to.count
                if cleanURLs, Self.endsInIndexFile(to, after: common) { end -= Self.indexFile.count }
                if ups == 0, end == common { return "./" }
                // Straight into the string's storage: it runs for every link of every page, where joined pieces or byte arrays cost several times as much.
                return String(unsafeUninitializedCapacity: ups * 3 + (end - common) * 3) { output in
                    var count = 0
                    for _ in 0..<ups {
                        output[count] = UInt8(ascii: "."); output[count + 1] = UInt8(ascii: "."); output[count + 2] = UInt8(ascii: "/")
                        count += 3
                    }
                    for byte in to[common..<end] { count = PercentEncoding.put(byte, allowing: Self.isPathByte, into: output, at: count) }
                    return count
                }
            }
        }
    }

    private static let indexFile = Array("index.html".utf8)

    /// Whether `path[start...]` is `index.html` or ends in `/index.html`.
    private static func endsInIndexFile(_ path: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        let rest = path.count - start
        guard rest >= indexFile.count else { return false }
        for (offset, byte) in indexFile.enumerated() where path[path.count - indexFile.count + offset] != byte { return false }
        return rest == indexFile.count || path[path.count - indexFile.count - 1] == UInt8(ascii: "/")
    }

    /// The absolute URL of `target` under `base_url`, in the form the web uses for a folder's
    /// page (`https://host/news/2026/11/slug/`) whatever `clean_urls` says: canonical URLs,
    /// feeds and the sitemap are read through a server, never from disk.
    func absolute(_ target: String) -> String {
        baseURL + Self.encodePath(Self.droppingIndexFile(target))
    }

    /// The root-relative URL of `target` (for `404.html`, which a server sends from any path).
    func rootRelative(_ target: String, basePath: String) -> String {
        basePath + Self.encodePath(Self.droppingIndexFile(target))
    }

    /// `target` without its file name when that is `index.html` (`news/x/index.html` →
    /// `news/x/`), compared by byte: it runs for every page's canonical URL.
    private static func droppingIndexFile(_ target: String) -> Substring {
        let bytes = target.utf8
        guard bytes.count >= indexFile.count, bytes.suffix(indexFile.count).elementsEqual(indexFile) else { return target[...] }
        let cut = bytes.index(bytes.endIndex, offsetBy: -indexFile.count)
        guard cut == bytes.startIndex || bytes[bytes.index(before: cut)] == UInt8(ascii: "/") else { return target[...] }
        return target[..<cut]
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
