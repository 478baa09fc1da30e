import Testing
@testable import Newsroom

/// Links that name the same file from every source are resolved once and kept; links relative
/// to their source are resolved for each source; past the cap nothing more is kept, and every
/// link still resolves as it would alone.
@Suite struct ResolvedLinksTests {
    static func links() -> ContentLinks {
        var index = OutputIndex()
        var log = DiagnosticLog()
        for output in ["pages/about/index.html", "news/2023/a/index.html", "news/2024/b/index.html", "img/x.svg"] {
            _ = index.claim(output, by: output, at: SourceLocation(path: output), log: &log)
        }
        index.addPage(source: "content/pages/about.md", output: "pages/about/index.html")
        index.addPage(source: "content/news/2023/a.md", output: "news/2023/a/index.html")
        index.addPage(source: "content/news/2024/b.md", output: "news/2024/b/index.html")
        index.addPage(source: "content/news/2023/c.md", output: "news/2023/c/index.html")
        index.addPage(source: "content/news/2024/c.md", output: "news/2024/c/index.html")
        return ContentLinks(index: index, linker: Linker(baseURL: "https://news.example.org/", cleanURLs: true))
    }

    @Test func relativeLinksResolveFromEachSource() {
        let links = Self.links()
        #expect(links.resolve("c.md", isImage: false, sourcePath: "content/news/2023/a.md") == .target("news/2023/c/index.html", suffix: ""))
        #expect(links.resolve("c.md", isImage: false, sourcePath: "content/news/2024/b.md") == .target("news/2024/c/index.html", suffix: ""))
    }

    @Test func keptLinksResolveAsAlone() {
        let links = Self.links()
        for _ in 0..<2 {
            for source in ["content/news/2023/a.md", "content/news/2024/b.md"] {
                #expect(links.resolve("/pages/about/", isImage: false, sourcePath: source) == .target("pages/about/index.html", suffix: ""))
                #expect(links.resolve("https://news.example.org/img/x.svg?v=2", isImage: true, sourcePath: source) == .target("img/x.svg", suffix: "?v=2"))
                #expect(links.resolve("https://elsewhere.example/", isImage: false, sourcePath: source) == .keep)
                #expect(links.resolve("/missing/", isImage: false, sourcePath: source) == .missing("link target '/missing/' does not exist"))
                #expect(links.resolve("/missing/", isImage: true, sourcePath: source) == .missing("image target '/missing/' does not exist"))
            }
        }
    }

    @Test func pastTheCapLinksStillResolve() {
        let links = Self.links()
        for number in 0...ResolvedLinks.capacity {
            #expect(links.resolve("https://elsewhere.example/\(number)", isImage: false, sourcePath: "content/news/2023/a.md") == .keep)
        }
        #expect(links.resolve("/pages/about/", isImage: false, sourcePath: "content/news/2023/a.md") == .target("pages/about/index.html", suffix: ""))
    }

    @Test func onlyLinksNamingOneFileEverywhereAreKept() {
        #expect(ResolvedLinks.isSourceIndependent("/pages/about/"))
        #expect(ResolvedLinks.isSourceIndependent("#top"))
        #expect(ResolvedLinks.isSourceIndependent("https://example.org/"))
        #expect(ResolvedLinks.isSourceIndependent("mailto:press@example.org"))
        #expect(!ResolvedLinks.isSourceIndependent("c.md"))
        #expect(!ResolvedLinks.isSourceIndependent(" /pages/about/"))
        #expect(!ResolvedLinks.isSourceIndependent("/\u{301}x"))
        #expect(!ResolvedLinks.isSourceIndependent(""))
    }
}
