import Testing
@testable import Newsroom

/// The build summary's kinds of output file, read from each path.
@Suite struct PageKindTests {
    @Test(arguments: [
        ("index.html", "home"),
        ("404.html", "404"),
        ("news/feed.xml", "feeds"),
        ("news/tags/policy/feed.xml", "feeds"),
        ("sitemap.xml", "sitemap"),
        ("news/atom.xml", "sitemap"),
        ("robots.txt", "sitemap"),
        ("news/feed.json", "files"),
        ("assets/style.css", "files"),
        ("about/index.html", "pages"),
        ("news/tags/index.html", "tag pages"),
        ("news/tags/policy/page/2/index.html", "tag pages"),
        ("news/index.html", "news index"),
        ("news/page/3/index.html", "news index"),
        ("news/2023/index.html", "archives"),
        ("news/2023/03/index.html", "archives"),
        ("news/2023/page/2/index.html", "archives"),
        ("news/2023/03/page/2/index.html", "archives"),
        ("news/2023/03/a-slug/index.html", "news items"),
        ("news/2023/03/page/index.html", "archives"),
    ])
    func kindOfAPath(path: String, kind: String) {
        #expect(PageKind.of(path) == kind)
    }

    @Test func countsPagesFeedsAndKinds() {
        let counter = FileCounter(byKind: true)
        for path in ["index.html", "news/feed.xml", "news/atom.xml", "news/feed.json", "news/2023/03/a/index.html", "assets/a.css"] {
            counter.count(path)
        }
        var result = BuildResult()
        counter.report(into: &result)
        #expect(result.pageCount == 2)
        #expect(result.feedCount == 3)
        #expect(result.pagesByKind == ["home": 1, "feeds": 1, "sitemap": 1, "files": 2, "news items": 1])
    }
}
