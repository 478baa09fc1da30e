import Testing
@testable import Newsroom

/// The links every page carries (home, news, tags, feed, assets, site pages, menu) are written
/// from each page's own place: pages as deep as each other but under different folders link
/// to a menu target in those folders differently, and only the pages under it mark it current.
@Suite struct NavigationLinkTests {
    @Test func menuTargetInAYearFolderIsLinkedAndMarkedFromEachPage() throws {
        let site = try TestSite(Sites.config.replacingOccurrences(of: "url: /about/", with: "url: /news/2023/") + """

        -- site/layouts/item.mustache --
        {{<base}}{{$main}}<nav>{{#menu}}[{{label}}|{{url}}|{{#current}}current{{/current}}]{{/menu}}</nav>
        <links>{{home_url}}|{{news_url}}|{{tags_url}}|{{feed_url}}|{{assets_url}}|{{root}}</links>{{/main}}{{/base}}
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First
        date: 2023-03-21
        ---
        One.
        -- site/content/news/2023-05-02-second.md --
        ---
        title: Second
        date: 2023-05-02
        ---
        Two.
        -- site/content/news/2024-01-10-third.md --
        ---
        title: Third
        date: 2024-01-10
        ---
        Three.
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let links = "<links>../../../../index.html|../../../index.html|../../../tags/index.html|../../../feed.xml|../../../../assets/|../../../../</links>"
        for page in ["news/2023/03/first/index.html", "news/2023/05/second/index.html"] {
            let html = try #require(site.read(page))
            #expect(html.contains("<nav>[News|../../../index.html|current][About|../../index.html|current]</nav>\n" + links), "\(page): \(html)")
        }
        let html = try #require(site.read("news/2024/01/third/index.html"))
        #expect(html.contains("<nav>[News|../../../index.html|current][About|../../../2023/index.html|]</nav>\n" + links), "\(html)")
    }
}
