import Foundation
import Testing
@testable import Newsroom

/// The importer's pieces, a string in and the exact string out.
@Suite struct ImportConversionTests {
    static func entry(date: String = "2019-03-08 18:30:05 +0100") -> ImportedEntry {
        var entry = ImportedEntry(kind: .item, sourcePath: "_posts/2019-03-08-Vigil.md", title: "Women's Day: a vigil", slug: "vigil-2019", body: "")
        entry.date = try? DateParser(timeZone: TimeZone(identifier: "UTC")!).parse(date).get()
        entry.fileStem = "Vigil"
        entry.categories = ["Campaigns", "Local News"]
        entry.section = "blog/updates"
        return entry
    }

    @Test func permalinkPlaceholders() {
        let entry = Self.entry()
        let expected: [(String, PermalinkPattern.Flavour, String)] = [
            ("date", .jekyll, "/campaigns/local news/2019/03/08/Vigil.html"),
            ("pretty", .jekyll, "/campaigns/local news/2019/03/08/Vigil/"),
            ("ordinal", .jekyll, "/campaigns/local news/2019/067/Vigil.html"),
            ("none", .jekyll, "/campaigns/local news/Vigil.html"),
            ("/:year/:i_month/:i_day/:short_year/:hour:minute:second/:slug", .jekyll, "/2019/3/8/19/183005/vigil-2019"),
            ("/en/blog/:section/:name/", .jekyll, "/en/blog/blog/updates/Vigil/"),
            ("/:year/:month/:title/", .hugo, "/2019/03/womens-day-a-vigil/"),
            ("/:section/:filename/", .hugo, "/blog/updates/vigil/"),
            ("/:year/:slug/", .hugo, "/2019/womens-day-a-vigil/"),
        ]
        for (pattern, flavour, url) in expected {
            let rule = flavour == .jekyll ? PermalinkPattern.jekyll(pattern) : PermalinkPattern(pattern: pattern, flavour: .hugo)
            #expect(rule.expand(entry) == url, "\(pattern)")
        }
        var noCategories = entry
        noCategories.categories = []
        #expect(PermalinkPattern.jekyll("date").expand(noCategories) == "/2019/03/08/Vigil.html")
        // A slug of its own replaces Hugo's :slug (otherwise the title's) and Jekyll's :title.
        var withSlug = noCategories
        withSlug.explicitSlug = "Vigil-2019"
        #expect(PermalinkPattern(pattern: "/:year/:slug/", flavour: .hugo).expand(withSlug) == "/2019/vigil-2019/")
        #expect(PermalinkPattern.jekyll("date").expand(withSlug) == "/2019/03/08/Vigil-2019.html")
    }

    @Test func tomlValuesTablesAndErrors() throws {
        let toml = """
        title = "Riverbend \\"Rights\\"" # a comment
        date = 2022-03-14T11:00:00Z
        draft = false
        tags = ["a", 'b',
          "c"]
        params.description = '''
        Two
        lines'''
        [permalinks]
          posts = "/:year/:slug/"
        [[menu.main]]
          name = "News"
        [[menu.main]]
          name = "About"
        """
        let value = try TOMLReader.parse(toml, path: "hugo.toml").get()
        #expect(value["title"]?.text == "Riverbend \"Rights\"")
        #expect(value["date"]?.text == "2022-03-14T11:00:00Z")
        #expect(value["draft"]?.text == "false")
        #expect(value["tags"]?.texts == ["a", "b", "c"])
        #expect(value["params"]?["description"]?.text == "Two\nlines")
        #expect(value["permalinks"]?["posts"]?.text == "/:year/:slug/")
        #expect(value["permalinks"]?["posts"]?.line == 10)
        guard case .list(let menus)? = value["menu"]?["main"]?.kind else { Issue.record("no menu list"); return }
        #expect(menus.map { $0["name"]?.text } == ["News", "About"])
        let errors = [
            ("title = Riverbend", "hugo.toml:1:1: error: TOML: 'Riverbend' is not a TOML value (text needs quotes)"),
            ("a = 1\na = 2", "hugo.toml:2:1: error: TOML: the key 'a' is given twice"),
            ("a = \"open", "hugo.toml:1:1: error: TOML: text opened with a quote is never closed"),
            ("[table\nb = 1", "hugo.toml:1:1: error: TOML: a table header must end with ']'"),
        ]
        for (text, message) in errors {
            guard case .failure(let diagnostic) = TOMLReader.parse(text, path: "hugo.toml") else {
                Issue.record("\(text) parsed")
                continue
            }
            #expect(diagnostic.description == message)
        }
    }

    @Test func jekyllConstructs() {
        var conversion = TemplateConversion { target in
            switch target {
            case .post(let name): return name == "2020-06-15-shelter" ? "../2020-06-15-shelter.md" : nil
            case .file(let path): return path == "about.md" ? "../pages/about.md" : nil
            }
        }
        let text = """
        {% highlight ruby linenos %}
        puts 1
        {% endhighlight %}
        [a]({% post_url 2020-06-15-shelter %}) [b]({% link about.md %}) [c]({% post_url 1999-01-01-gone %})
        ![x]({{ site.baseurl }}/img/x.png) [d]({{ "/about/" | relative_url }}) [e]({{ 'news/' | absolute_url }})
        {% include youtube.html id="abc123" %}
        {% raw %}{{ kept }}{% endraw %}
        {% include signup.html %}
        """
        #expect(conversion.jekyll(text) == """
        ```ruby
        puts 1
        ```
        [a](../2020-06-15-shelter.md) [b](../pages/about.md) [c]({% post_url 1999-01-01-gone %})
        ![x](/img/x.png) [d](/about/) [e](/news/)
        [Video: https://www.youtube.com/watch?v=abc123](https://www.youtube.com/watch?v=abc123)
        {{ kept }}
        {% include signup.html %}
        """)
        #expect(conversion.converted == 9)
        #expect(conversion.unresolved.map(\.text) == ["{% post_url 1999-01-01-gone %}"])
    }

    @Test func hugoShortcodes() {
        var conversion = TemplateConversion { target in
            if case .file(let path) = target, path == "posts/coats.md" { return "2021-12-02-coats.md" }
            return nil
        }
        let text = """
        {{< figure src="hero.png" alt="Sandbags" caption="The door" >}}
        [coats]({{< ref "posts/coats.md#sizes" >}}) {{< vimeo 12345 >}}
        {{< highlight go >}}
        fmt.Println()
        {{< /highlight >}}
        {{< tweet 1 >}}
        """
        #expect(conversion.hugo(text) == """
        ![Sandbags](hero.png)
        *The door*
        [coats](2021-12-02-coats.md#sizes) [Video: https://vimeo.com/12345](https://vimeo.com/12345)
        ```go
        fmt.Println()
        ```
        {{< tweet 1 >}}
        """)
        #expect(TemplateConversion.leftovers(in: conversion.hugo(text), wordpress: false).map(\.line) == [7])
        #expect(TemplateConversion.leftovers(in: "Lead.\n{: .lead}\n\n* toc\n{:toc}", wordpress: false).map(\.text) == ["{: .lead}", "{:toc}"])
    }

    @Test func wordpressShortcodes() {
        var conversion = TemplateConversion { _ in nil }
        let text = """
        [caption id="attachment_1" width="300"]<a href="big.png"><img src="small.png" alt="A" /></a> The caption[/caption]
        [embed]https://example.org/talk[/embed]
        https://youtu.be/abc
        <!-- wp:paragraph -->
        A [sic] remark and [gallery ids="1,2"]
        <!-- /wp:paragraph -->
        [video width="640" mp4="https://example.org/v.mp4"][/video]
        """
        let converted = conversion.wordpress(text)
        #expect(converted == """
        <figure><a href="big.png"><img src="small.png" alt="A" /></a><figcaption>The caption</figcaption></figure>
        <a href="https://example.org/talk">https://example.org/talk</a>
        <p><a href="https://youtu.be/abc">https://youtu.be/abc</a></p>
        A [sic] remark and [gallery ids="1,2"]
        <a href="https://example.org/v.mp4">https://example.org/v.mp4</a>
        """)
        #expect(TemplateConversion.leftovers(in: converted, wordpress: true).map(\.text) == ["[gallery ids=\"1,2\"]"])
    }

    @Test func linksAreFoundOutsideCodeOnly() {
        let text = """
        [a](/one/) ![b](two.png "title") <img src='/three.png'> [c]: /four/
        [ref]: </five/>
        ```
        [not](/code/)
        ```
        [nested [brackets]](/six/(x))
        """
        var found: [String] = []
        let rewritten = LinkScanner.rewrite(text) { link in
            found.append("\(link.url)@\(link.line)")
            return link.url == "/one/" ? "one.md" : nil
        }
        #expect(found.sorted() == ["/five/@2", "/one/@1", "/six/(x)@6", "/three.png@1", "two.png@1"])
        #expect(rewritten.hasPrefix("[a](one.md) "))
    }

    @Test func frontMatterKeysMapToNewsroomKeys() throws {
        let text = """
        ---
        title: Old title
        date: 2020-06-15 09:00:00 +0100
        last_modified_at: 2020-06-20
        slug: Shelter Reopens
        excerpt: Twelve rooms.
        description: Not this one.
        category: news
        tags: "shelter, covid-19, news"
        authors: [Ruth Okafor, Sam Reyes]
        featured_image:
          src: /img/a.png
          alt: Reception
        published: false
        redirect_from: /old-shelter/
        aliases: [/older/]
        layout: post
        sidebar: true
        ---
        Body.
        """
        let document = try SourceDocument.read(text, path: "a.md").get()
        var entry = ImportedEntry(kind: .item, sourcePath: "a.md", title: "From the name", slug: "a", body: document.body)
        var report = ImportReport()
        var log = DiagnosticLog()
        KeyMapping.apply(document, to: &entry, path: "a.md", dates: DateParser(timeZone: TimeZone(identifier: "UTC")!), report: &report, log: &log)
        #expect(log.diagnostics == [])
        #expect(entry.title == "Old title")
        #expect(entry.date?.iso8601 == "2020-06-15T09:00:00+01:00")
        #expect(entry.updated?.isoDay == "2020-06-20")
        #expect(entry.slug == "shelter-reopens")
        #expect(entry.summary == "Twelve rooms.")
        #expect(entry.tags == ["news", "shelter", "covid-19"])
        #expect(entry.categories == ["news"])
        #expect(entry.author == "Ruth Okafor")
        #expect(entry.image == ImportedImage(src: "/img/a.png", alt: "Reception"))
        #expect(entry.draft)
        #expect(entry.oldAliases == ["/old-shelter/", "/older/"])
        #expect(report.droppedKeys == ["layout", "sidebar"])
        #expect(report.needs == [])
        #expect(document.bodyFirstLine == 20)
    }

    @Test func keysAndPaths() {
        #expect(KeyMapping.hasOffset("2020-06-15 09:00:00 +0100") && KeyMapping.hasOffset("2020-06-15T09:00:00Z"))
        #expect(KeyMapping.hasOffset("2015-09-21 16:52:00 -4"))
        #expect(!KeyMapping.hasOffset("2020-06-15 09:00:00") && !KeyMapping.hasOffset("2020-06-15"))
        var local = ImportedEntry(kind: .item, sourcePath: "a.md", title: "A", slug: "a", body: "")
        local.date = try? DateParser(timeZone: TimeZone(identifier: "UTC")!).parse("2020-06-15 09:00:00").get()
        local.dateIsLocal = true
        let written = FrontMatterWriter.text(for: local, image: nil, aliases: [], idHost: "example.net")
        #expect(written.contains("\ndate: 2020-06-15T09:00:00\n"))
        // The permanent id is pinned as the item arrives, from the day it was published.
        #expect(written.contains("\nid: tag:example.net,2020-06-15:a\n"))
        #expect(KeyMapping.splitWords("news, annual report") == ["news", "annual report"])
        #expect(KeyMapping.splitWords("vigil women") == ["vigil", "women"])
        #expect(KeyMapping.titleFromName("welcome-to_jekyll") == "Welcome To Jekyll")
        #expect(ImportPaths.relative(from: "content/news/a", to: "content/pages/about.md") == "../../pages/about.md")
        #expect(ImportPaths.relative(from: "content/news", to: "content/news/b/index.md") == "b/index.md")
        #expect(ImportPaths.urlKey("/2019/03/x/index.html") == ImportPaths.urlKey("/2019/03/x"))
        #expect(ImportPaths.urlKey("/2019/03/x.html") == "/2019/03/x")
        #expect(ImportPaths.aliasPath("https://old.example/2019/x/") == "/2019/x/")
        #expect(ImportPaths.aliasPath("https://old.example/?p=3") == nil)
        #expect(ImportPaths.collapse("/news/2020/06/15/x/../../../../../campaigns/y/") == "/campaigns/y/")
        #expect(ImportPaths.collapse("/a/./b/../../../c.png") == "/c.png")
        #expect(LinkResolver.wordPressID(in: "/?p=12") == "12")
        #expect(LinkResolver.wordPressID(in: "/index.php?foo=1&page_id=3") == "3")
        #expect(LinkResolver.wordPressID(in: "/news/?p=12") == nil)
        #expect(LinkResolver.unsized("/up/2021/x-640x480.png") == "/up/2021/x.png")
    }
}
