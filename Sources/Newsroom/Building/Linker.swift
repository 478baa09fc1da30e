import Foundation
import NewsroomText

/// Turns output paths (`news/2023/03/x/index.html`) into links: relative ones that work from disk,
/// absolute ones from `base_url` for canonical URLs, feeds and the sitemap.
struct Linker: Sendable {
    let baseURL: String
    var cleanURLs: Bool
    /// Set for `404.html`: links become root-relative under this path (`/` or `/newsroom/`),
    /// because a server sends that page for any missing path.
    var rootRelativeBase: String?
    /// The host of `baseURL`, lower-cased, when that is an ASCII `http` or `https` URL.
    private let baseHost: [UInt8]?

    init(baseURL: String, cleanURLs: Bool, rootRelativeBase: String? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.cleanURLs = cleanURLs
        self.rootRelativeBase = rootRelativeBase
        self.baseHost = self.baseURL.isASCII ? Self.host(self.baseURL).map { $0.utf8.map(ASCII.lowercased) } : nil
    }

    /// For an `http` or `https` URL into `base_url` (either scheme, host in any case), the rest
    /// after the base path (`about/index.html#top`, `""` for the home page); nil for any other URL.
    func pathUnderBase(_ url: String) -> Substring? {
        // Most links point elsewhere: for ASCII text (one byte per character) the scheme and
        // host are compared by byte, and only a link into the base goes on to the paths.
        if url.isASCII, baseURL.isASCII {
            guard let baseHost, Self.hasHTTPHost(url, baseHost) else { return nil }
        }
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

    /// Whether an ASCII URL starts with `http://` or `https://` (any case) and names `host`
    /// (lower-cased; any case in the URL): what `pathUnderBase` checks first, by byte.
    private static func hasHTTPHost(_ url: String, _ host: [UInt8]) -> Bool {
        guard let named = Self.host(url)?.utf8, named.count == host.count else { return false }
        return zip(named, host).allSatisfy { ASCII.lowercased($0) == $1 }
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
        return withRelativePath(from: page, to: target) { path, to in
            // Straight into the string's storage: it runs for every link of every page, where joined pieces or byte arrays cost several times as much.
            String(unsafeUninitializedCapacity: path.capacity) { Self.write(path, of: to, into: $0) }
        }
    }

    /// The bytes of `relative(from:to:)` and then `suffix`, handed to `write` in pieces: how a
    /// template's links go into a page, with no `String` made for them.
    func writeRelative(from page: String, to target: String, suffix: String, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        var suffix = suffix
        if let base = rootRelativeBase {
            var link = rootRelative(target, basePath: base)
            link.withUTF8(write)
        } else {
            withRelativePath(from: page, to: target) { path, to in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: path.capacity) { buffer in
                    write(UnsafeBufferPointer(rebasing: buffer[..<Self.write(path, of: to, into: buffer)]))
                }
            }
        }
        if !suffix.isEmpty { suffix.withUTF8(write) }
    }

    /// A relative link's shape: the target's bytes from `common` (after the folders both paths
    /// share) to `end` (before an `index.html` that clean URLs leave out), after `ups` `../`.
    private struct RelativePath {
        var common: Int
        var ups: Int
        var end: Int

        /// Room for the link: three bytes per `../` and per target byte (percent-encoded at most).
        var capacity: Int { max(2, ups * 3 + (end - common) * 3) }
    }

    /// `body` with the shape of the link from `page` to `target` and the target's bytes.
    private func withRelativePath<Result>(from page: String, to target: String, _ body: (RelativePath, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var page = page, target = target
        return page.withUTF8 { from in
            target.withUTF8 { to in body(relativePath(from: from, to: to), to) }
        }
    }

    private func relativePath(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>) -> RelativePath {
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
        return RelativePath(common: common, ups: ups, end: end)
    }

    /// Writes the link `path` describes into `output` (`path.capacity` bytes); returns its length.
    private static func write(_ path: RelativePath, of to: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        if path.ups == 0, path.end == path.common {
            output[0] = UInt8(ascii: ".")
            output[1] = UInt8(ascii: "/")
            return 2
        }
        var count = 0
        for _ in 0..<path.ups {
            output[count] = UInt8(ascii: "."); output[count + 1] = UInt8(ascii: "."); output[count + 2] = UInt8(ascii: "/")
            count += 3
        }
        // Runs of bytes a path allows as they are (nearly all) are copied whole.
        let allowed = pathBytes
        var start = path.common
        func copyRun(to end: Int) {
            guard end > start else { return }
            (output.baseAddress! + count).initialize(from: to.baseAddress! + start, count: end - start)
            count += end - start
        }
        var index = path.common
        while index < path.end {
            // Eight bytes at a time while they are all of the few a slug's path holds.
            if path.end - index >= 8, Self.allPlain(UnsafeRawPointer(to.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, path.end)
            for at in index..<end where !allowed.contains(to[at]) {
                copyRun(to: at)
                count = PercentEncoding.putEscaped(to[at], into: output, at: count)
                start = at + 1
            }
            index = end
        }
        copyRun(to: path.end)
        return count
    }

    /// Whether each of the 8 bytes of `word` is one of `-./0-9:` or `a-z`, path bytes a link
    /// writes as they are (most output paths hold no others): for ASCII bytes, subtracting a
    /// bound from each byte with its top bit set (or each byte from a bound with it set)
    /// borrows from no other byte, and leaves the top bit set where the byte is within it.
    @inline(__always)
    private static func allPlain(_ word: UInt64) -> Bool {
        let tops: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        guard word & tops == 0 else { return false }
        func within(_ low: UInt64, _ high: UInt64) -> UInt64 {
            ((word | tops) &- ones &* low) & (ones &* (0x80 + high) &- word) & tops
        }
        return within(0x2D, 0x3A) | within(0x61, 0x7A) == tops
    }

    /// The bytes `isPathByte` allows, as bits of two words: one test per byte, no branch per case.
    private static let pathBytes = ByteSet(isPathByte)

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
