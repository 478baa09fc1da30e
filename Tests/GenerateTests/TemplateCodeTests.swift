import Foundation
import Testing
@testable import Newsroom

/// Template code left from other generators (Jekyll, Hugo, Jinja) is never silent: outside code
/// it is a warning at its opening, and it is shown exactly as written (no smart quotes, dashes
/// or markup inside it); in code spans and blocks it is ordinary code.
@Suite struct TemplateCodeTests {
    static let body = #"""
    Intro {% include figure.html caption="A 'quoted' -- caption..." %} after.

    {{< youtube abc >}} and {{<vimeo id="1">}}

    Text {{% notice "tip" %}} and {{ page.title | upcase }}.

    `{% raw %}` and `{{ a | b }}` in code; she said "hello" -- twice...

        {% indented code %}

    ```
    {{< fenced "x" >}}
    ```

    {% include multi.html
       title="Two *lines*" %}

    - a list {{ x | y: "--" }}
      > quoted {% if a == 'b' %}

    Not template code: {{ page.title }} (no filter) and {% unclosed
    """#

    @Test(arguments: [false, true])
    func warnsOutsideCodeAndShowsItAsWritten(_ rawHTML: Bool) throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nraw_html: \(rawHTML)") + """

        -- site/content/news/2023-05-01-ported.md --
        ---
        title: Ported
        date: 2023-05-01
        ---
        \(Self.body)
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded)
        let path = "site/content/news/2023-05-01-ported.md"
        let left = "is left from another generator; it is shown as text"
        #expect(result.otherDiagnostics.map(\.description) == [
            "\(path):5:7: warning: Liquid tag '{% include figure.html caption=\"A 'quoted' -- caption...\" %}' \(left)",
            "\(path):7:1: warning: Hugo shortcode '{{< youtube abc >}}' \(left)",
            "\(path):7:25: warning: Hugo shortcode '{{<vimeo id=\"1\">}}' \(left)",
            "\(path):9:6: warning: Hugo shortcode '{{% notice \"tip\" %}}' \(left)",
            "\(path):9:31: warning: template expression '{{ page.title | upcase }}' \(left)",
            "\(path):19:1: warning: Liquid tag '{% include multi.html title=\"Two *lines*\" %}' \(left)",
            "\(path):22:10: warning: template expression '{{ x | y: \"--\" }}' \(left)",
            "\(path):23:12: warning: Liquid tag '{% if a == 'b' %}' \(left)",
        ])
        let page = try #require(site.read("news/2023/05/ported/index.html"))
        for html in [
            "<p>Intro {% include figure.html caption=&quot;A 'quoted' -- caption...&quot; %} after.</p>",
            "<p>{{&lt; youtube abc &gt;}} and {{&lt;vimeo id=&quot;1&quot;&gt;}}</p>",
            "<p>Text {{% notice &quot;tip&quot; %}} and {{ page.title | upcase }}.</p>",
            "<p><code>{% raw %}</code> and <code>{{ a | b }}</code> in code; she said “hello” – twice…</p>",
            "<pre><code>{% indented code %}\n</code></pre>",
            "<pre><code>{{&lt; fenced &quot;x&quot; &gt;}}\n</code></pre>",
            "<p>{% include multi.html\ntitle=&quot;Two *lines*&quot; %}</p>",
            "<li>a list {{ x | y: &quot;--&quot; }}\n<blockquote>\n<p>quoted {% if a == 'b' %}</p>",
            "<p>Not template code: {{ page.title }} (no filter) and {% unclosed</p>",
        ] {
            #expect(page.contains(html), "\(html)\n\(page)")
        }
    }

    @Test func pagesWarnToo() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/pages/contact.md --
        ---
        title: Contact
        ---
        Write to us. {% include form.html %}
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == [
            "site/content/pages/contact.md:4:14: warning: Liquid tag '{% include form.html %}' is left from another generator; it is shown as text",
        ])
        #expect(site.read("contact/index.html")?.contains("<p>Write to us. {% include form.html %}</p>") == true)
    }

    /// A heading keeps the construct in its text and its id; the summary taken from the first
    /// paragraph shows it as written; the author's own control characters never turn into quotes.
    @Test func headingsSummariesAndStrayControlCharacters() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-ported.md --
        ---
        title: Ported
        date: 2023-05-01
        ---
        First {{ "a" | b }} line.\u{1}

        ## Part {% raw "x" %}
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.otherDiagnostics.count == 2)
        let page = try #require(site.read("news/2023/05/ported/index.html"))
        #expect(page.contains("<p>First {{ &quot;a&quot; | b }} line.\u{FFFD}</p>"), "\(page)")
        #expect(page.contains("<h2 id=\"part--raw-x-\">Part {% raw &quot;x&quot; %}</h2>"), "\(page)")
        let feed = try #require(site.read("news/feed.xml"))
        #expect(feed.contains("<description>First {{ &quot;a&quot; | b }} line.\u{FFFD}</description>"), "\(feed)")
    }

    /// Code and text on one line, in a table cell and in a footnote (which cmark moves to the
    /// end of the document): only the constructs outside code warn.
    @Test func codeBesideTextOnOneLine() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-ported.md --
        ---
        title: Ported
        date: 2023-05-01
        ---
        `{{ a | b }}` then {{ c | d }} and `{% x %}`.

        | col |
        | --- |
        | `{{ e | f }}` {{ g | h }} |

        Note[^1].

        [^1]: `{% i %}` then {% j %}
        """)
        defer { site.delete() }
        let result = site.build()
        let path = "site/content/news/2023-05-01-ported.md"
        let left = "is left from another generator; it is shown as text"
        #expect(result.otherDiagnostics.map(\.description) == [
            "\(path):5:20: warning: template expression '{{ c | d }}' \(left)",
            "\(path):9:17: warning: template expression '{{ g | h }}' \(left)",
            "\(path):13:22: warning: Liquid tag '{% j %}' \(left)",
        ])
        let page = try #require(site.read("news/2023/05/ported/index.html"))
        #expect(page.contains("<td><code>{{ e | f }}</code> {{ g | h }}</td>"), "\(page)")
    }

    /// Template code in a URL (`href="{{ "…" | filter }}"`, as Eleventy posts carry) is reported
    /// once, as template code, and kept as written: it names no page to check.
    @Test func templateCodeInALinkIsNotABrokenLink() throws {
        let site = try TestSite(Sites.valid.replacingOccurrences(of: "per_page: 2", with: "per_page: 2\nraw_html: true") + """

        -- site/content/news/2023-05-01-ported.md --
        ---
        title: Ported
        date: 2023-05-01
        ---
        A <a href="{{ "https://example.com/a.b" | canonical }}">post</a>.
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == [
            #"site/content/news/2023-05-01-ported.md:5:12: warning: template expression '{{ "https://example.com/a.b" | canonical }}' is left from another generator; it is shown as text"#,
        ])
        let page = try #require(site.read("news/2023/05/ported/index.html"))
        #expect(page.contains(#"<a href="{{ &quot;https://example.com/a.b&quot; | canonical }}">post</a>"#), "\(page)")
    }
}

