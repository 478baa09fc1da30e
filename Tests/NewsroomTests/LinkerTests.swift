import Foundation
import Testing
import TestSupport
@testable import Newsroom

@Suite struct LinkerTests {
    let linker = Linker(baseURL: "https://example.org/news-site", cleanURLs: false)
    let clean = Linker(baseURL: "https://example.org/", cleanURLs: true)

    @Test(arguments: [
        ("news/2023/03/a/index.html", "index.html", "../../../../index.html"),
        ("news/2023/03/a/index.html", "news/2023/03/a/hero.jpg", "hero.jpg"),
        ("news/2023/03/a/index.html", "news/2023/04/b/index.html", "../../04/b/index.html"),
        ("index.html", "news/index.html", "news/index.html"),
        ("index.html", "index.html", "index.html"),
        ("news/tags/x/index.html", "assets/site.css", "../../../assets/site.css"),
        ("news/index.html", "news/tags/société/index.html", "tags/soci%C3%A9t%C3%A9/index.html"),
    ])
    func relativeLinksNameFiles(_ from: String, _ to: String, _ expected: String) {
        #expect(linker.relative(from: from, to: to) == expected)
    }

    @Test func cleanURLsEndInFolders() {
        #expect(clean.relative(from: "news/2023/03/a/index.html", to: "index.html") == "../../../../")
        #expect(clean.relative(from: "index.html", to: "index.html") == "./")
        #expect(clean.relative(from: "news/index.html", to: "news/page/2/index.html") == "page/2/")
        #expect(clean.absolute("news/index.html") == "https://example.org/news/")
    }

    /// The byte-writing `relative` against the first, string-building version, on every pair of
    /// a set of paths (shared folders, `index.html` or not, bytes that need escaping).
    @Test func relativeMatchesTheStringBuildingVersion() {
        let segments = ["news", "2023", "03", "a b", "société", "index.html", "x.html", "tags", "%", "page", "2"]
        var paths: Set<String> = ["index.html", "feed.xml", "assets/site.css"]
        for first in segments { for second in segments { for third in ["index.html", "hero.jpg", "x.html"] {
            paths.insert([first, second, third].joined(separator: "/"))
            paths.insert([first, third].joined(separator: "/"))
        } } }
        for from in paths { for to in paths { for linker in [linker, clean] {
            #expect(linker.relative(from: from, to: to) == Self.reference(linker, from: from, to: to), "\(from) → \(to)")
        } } }
    }

    /// Long paths, read eight bytes at a time where they hold only `-./0-9:a-z`, against the
    /// reference with every other byte at every place among them: the bytes just outside
    /// those ranges, upper case, non-ASCII (seeded).
    @Test func longPathsWithBytesToEscapeAnywhere() {
        var random = SeededRandom(seed: 0x5EED)
        let plain = Array("abcdefghijklmnopqrstuvwxyz0123456789-./:")
        let other = Array(",;`{\u{7F}@=!~_AZ %é<>?#[]\"'")
        for _ in 0..<2_000 {
            let length = Int(random.next() % 40) + 1
            var target = String((0..<length).map { _ in plain[Int(random.next() % UInt64(plain.count))] })
            for _ in 0..<Int(random.next() % 3) {
                let at = target.index(target.startIndex, offsetBy: Int(random.next() % UInt64(target.count + 1)))
                target.insert(other[Int(random.next() % UInt64(other.count))], at: at)
            }
            target = "news/" + target + (random.next() % 2 == 0 ? "/index.html" : ".html")
            for from in ["index.html", "news/index.html", "news/2023/03/a/index.html"] { for linker in [linker, clean] {
                #expect(linker.relative(from: from, to: target) == Self.reference(linker, from: from, to: target), "\(from) → \(target)")
            } }
        }
    }

    /// The bytes `writeRelative` hands over are the link `relative` makes, then the suffix; from
    /// the 404 page, the root-relative link.
    @Test func writtenLinksAreTheRelativeOnesWithTheirSuffix() {
        var notFound = linker
        notFound.rootRelativeBase = "/news-site/"
        let pairs = [("news/2023/03/a/index.html", "index.html"), ("index.html", "index.html"), ("news/index.html", "news/tags/société/index.html"), ("a/index.html", "a/x.html")]
        for (from, to) in pairs { for suffix in ["", "#top", "?q=a&b"] { for linker in [linker, clean, notFound] {
            var bytes: [UInt8] = []
            linker.writeRelative(from: from, to: to, suffix: suffix) { bytes.append(contentsOf: $0) }
            #expect(String(decoding: bytes, as: UTF8.self) == linker.relative(from: from, to: to) + suffix, "\(from) → \(to)\(suffix)")
        } } }
    }

    private static func reference(_ linker: Linker, from page: String, to target: String) -> String {
        let from = Array(page.utf8), to = Array(target.utf8)
        var common = 0, index = 0
        while index < from.count, index < to.count, from[index] == to[index] {
            if from[index] == UInt8(ascii: "/") { common = index + 1 }
            index += 1
        }
        let ups = from[common...].filter { $0 == UInt8(ascii: "/") }.count
        var rest = Substring(String(decoding: to[common...], as: UTF8.self))
        if linker.cleanURLs, rest == "index.html" || rest.hasSuffix("/index.html") { rest = rest.dropLast("index.html".count) }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,=:@")
        let link = String(repeating: "../", count: ups) + rest.addingPercentEncoding(withAllowedCharacters: allowed)!
        return link.isEmpty ? "./" : link
    }

    @Test(arguments: [
        ("https://x.org/a", "https"), ("JavaScript:alert(1)", "javascript"), ("mailto:a@b.org", "mailto"),
        ("c++.v-1:x", "c++.v-1"), ("a/b:c", nil), ("1abc:x", nil), ("+x:y", nil), (":x", nil), ("no-colon", nil),
        ("été:x", "été"), ("x é:y", nil), ("#top:1", nil),
    ] as [(String, String?)])
    func schemesAreReadByByte(_ destination: String, _ expected: String?) {
        #expect(ContentLinks.scheme(of: destination) == expected)
    }

    @Test func suffixesSplitAtTheFirstQueryOrFragment() {
        #expect(ContentLinks.splitSuffix("a.md?x=1#y") == ("a.md", "?x=1#y"))
        #expect(ContentLinks.splitSuffix("é.md#ü") == ("é.md", "#ü"))
        #expect(ContentLinks.splitSuffix("plain") == ("plain", ""))
    }

    @Test func absoluteAndRootRelative() {
        // Absolute URLs are read through a server: a folder's page in the web's form, files as they are.
        #expect(linker.absolute("news/2023/03/a/index.html") == "https://example.org/news-site/news/2023/03/a/")
        #expect(linker.absolute("index.html") == "https://example.org/news-site/")
        #expect(linker.absolute("news/feed.xml") == "https://example.org/news-site/news/feed.xml")
        #expect(linker.absolute("news/2023/03/a/notindex.html") == "https://example.org/news-site/news/2023/03/a/notindex.html")
        #expect(linker.rootRelative("news/index.html", basePath: "/news-site/") == "/news-site/news/")
    }

    @Test func sitePathsNeverClimbOut() {
        #expect(SitePath.resolve("../pages/a.md", from: "content/news") == "content/pages/a.md")
        #expect(SitePath.resolve("../../../etc/passwd", from: "content/news") == nil)
        #expect(SitePath.resolve("./a//b/./../c.md", from: "content//news/") == "content/news/a/c.md")
        #expect(SitePath.resolve("../..", from: "content/news") == "")
        #expect(SitePath.resolve("a.md", from: "") == "a.md")
        #expect(SitePath.resolve("..", from: "") == nil)
        #expect(SitePath.resolve("../é/x", from: "news/2023") == "news/é/x")
        #expect(SitePath.isUnsafe("/a/%2e%2e/b"))
        #expect(SitePath.isUnsafe("a\\b"))
        #expect(!SitePath.isUnsafe("/news/2023/"))
    }

    @Test func aliasFiles() {
        #expect(SitePlanner.aliasFile("/old/path/") == "old/path/index.html")
        #expect(SitePlanner.aliasFile("/old.html") == "old.html")
        #expect(SitePlanner.aliasFile("/old") == "old/index.html")
        #expect(SitePlanner.aliasFile("/../etc") == nil)
        #expect(SitePlanner.aliasFile("relative/") == nil)
        #expect(SitePlanner.aliasFile("/") == nil)
    }
}

/// Share links encode titles and URLs for query strings as Foundation's percent-encoding does
/// with letters, digits and `-._~` allowed.
@Suite struct QueryEncodeTests {
    @Test(arguments: [
        "Chișinău: é ñ 日本 Ã", "a b&c=d/e?f#g+h", "tab\there", "", "100% \"quoted\" <b>", "emoji 🙂 and ~_.-",
        "https://news.example.org/news/2023/03/a/?x=1&y=ü",
    ])
    func matchesFoundation(_ text: String) {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        #expect(SiteRenderer.queryEncode(text) == text.addingPercentEncoding(withAllowedCharacters: allowed))
    }
}

@Suite struct BaseURLPathTests {
    let linker = Linker(baseURL: "https://example.org/news-site", cleanURLs: false)
    let clean = Linker(baseURL: "https://example.org/", cleanURLs: true)

    /// An absolute URL under base_url, either scheme and any case of host, names a site path.
    @Test(arguments: [
        ("https://example.org/news-site/about/", "about/"),
        ("http://EXAMPLE.org/news-site/about/index.html#top", "about/index.html#top"),
        ("https://example.org/news-site", ""),
        ("https://example.org/news-site/", ""),
        ("https://example.org/news-site?x=1", "?x=1"),
        ("HTTPS://Example.ORG/news-site/x", "x"),
    ])
    func pathsUnderBaseURL(url: String, path: String) {
        #expect(linker.pathUnderBase(url).map(String.init) == path)
    }

    @Test(arguments: ["https://example.org/news-sites/x", "https://example.org/other/", "https://example.org.evil.com/news-site/", "ftp://example.org/news-site/", "mailto:x@example.org", "/news-site/", "https://exämple.org/news-site/", "https://example.or/news-site/", "https:/example.org/news-site/", "https://", "hTtP://example.org#top"])
    func urlsOutsideBaseURL(url: String) {
        #expect(linker.pathUnderBase(url) == nil)
    }

    @Test func wholeHostBaseURL() {
        #expect(clean.pathUnderBase("https://example.org/a/b.html") == "a/b.html")
        #expect(clean.pathUnderBase("https://example.org") == "")
    }
}
