import Foundation
import Testing
@testable import Newsroom

/// Each broken site gives exactly the expected located diagnostics, exit 1, and leaves the
/// previous output byte for byte and mtime for mtime untouched.
@Suite struct ErrorFixtureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "bad date", files: """
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First item
        date: 2023-02-30
        ---
        Body.
        """, expected: ["site/content/news/2023-03-21-first.md:3:7: error: 'date' is not a real date: February 2023 has no day 30"]),
        Case(name: "missing title", files: """
        -- site/content/news/2023-03-21-first.md --
        ---
        date: 2023-03-21
        ---
        Body.
        """, expected: ["site/content/news/2023-03-21-first.md:2:1: error: missing required key 'title'"]),
        Case(name: "YAML syntax error", files: """
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First item
        date: 2023-03-21
        tags: [policy
        ---
        Body.
        """, expected: ["site/content/news/2023-03-21-first.md:5:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        Case(name: "wrong type", files: """
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First item
        date: 2023-03-21
        tags: policy
        draft: maybe
        ---
        Body.
        """, expected: [
            "site/content/news/2023-03-21-first.md:4:7: error: 'tags' must be a list, e.g. [a, b], not a string",
            "site/content/news/2023-03-21-first.md:5:8: error: 'draft' must be true or false, not a string",
        ]),
        Case(name: "unknown key next to an error", files: """
        -- site/content/news/2023-03-21-first.md --
        ---
        titel: First item
        date: 2023-03-21
        ---
        Body.
        """, expected: [
            "site/content/news/2023-03-21-first.md:2:1: error: missing required key 'title'",
            "site/content/news/2023-03-21-first.md:2:1: warning: unknown key 'titel'; did you mean 'title'?",
        ]),
        Case(name: "missing link target", files: """
        -- site/content/news/2023-03-21-first.md --
        ---
        title: First item
        date: 2023-03-21
        ---
        Intro.

        See [gone](2020-01-01-gone.md) and ![pic](/images/nothing.png).

        ## Details
        """, expected: [
            "site/content/news/2023-03-21-first.md:7:5: error: link target '2020-01-01-gone.md' does not exist",
            "site/content/news/2023-03-21-first.md:7:36: error: image target '/images/nothing.png' does not exist",
        ]),
        Case(name: "missing layout", files: """
        -- site/content/pages/about.md --
        ---
        title: About us
        layout: fancy
        ---
        Text.
        """, expected: ["site/content/pages/about.md:1:1: error: layout 'fancy' not found in theme 'minimal' or the site's layouts/"]),
        Case(name: "template syntax error", files: """
        -- site/layouts/page.mustache --
        {{<base}}{{$main}}
        <h1>{{title}}</h1>
        {{#content}}
        {{/main}}{{/base}}
        """, expected: ["site/layouts/page.mustache:4:1: error: template syntax error: '{{/main}}' closes nothing here; 'content' is still open"]),
        Case(name: "misspelt variable, unknown transform, missing partial", files: """
        -- site/layouts/page.mustache --
        {{<base}}{{$main}}
        <h1>{{titel}}</h1>
        {{shout(title)}}
        {{> sidebar}}
        {{/main}}{{/base}}
        """, expected: [
            "site/layouts/page.mustache:2:5: error: unknown variable 'titel'; did you mean 'title'?",
            "site/layouts/page.mustache:3:1: error: unknown transform 'shout'",
            "site/layouts/page.mustache:4:1: error: partial 'sidebar' not found",
        ]),
        Case(name: "unknown icon", files: """
        -- site/layouts/page.mustache --
        {{<base}}{{$main}}
        <h1>{{title}}</h1> {{#icon}}stra{{/icon}}
        {{/main}}{{/base}}
        """, expected: ["site/layouts/page.mustache:2:20: error: unknown icon 'stra'; did you mean 'star'?"]),
        Case(name: "CRLF template with multi-byte characters", files: """
        -- site/layouts/page.mustache --
        {{<base}}{{$main}}\r\n<h1>é – {{titel}}</h1>\r\n  {{#icon}}\r\n  stra\r\n  {{/icon}}\r\n    {{> sidbar}}\r\n{{/main}}{{/base}}
        """, expected: [
            "site/layouts/page.mustache:2:9: error: unknown variable 'titel'; did you mean 'title'?",
            "site/layouts/page.mustache:3:3: error: unknown icon 'stra'; did you mean 'star'?",
            "site/layouts/page.mustache:6:5: error: partial 'sidbar' not found",
        ]),
    ]

    @Test(arguments: cases)
    func brokenSiteReportsAndKeepsPreviousOutput(_ fixture: Case) throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        let mtimes = modificationTimes(site.output)

        try site.write(fixture.files)
        let result = site.build()

        #expect(!result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == fixture.expected)
        #expect(site.outputTree() == before)
        #expect(modificationTimes(site.output) == mtimes)
    }

    @Test func allProblemsOfABuildAreReportedTogether() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-a.md --
        ---
        date: 2023-05-01
        ---
        -- site/content/news/2023-05-02-b.md --
        ---
        title: B
        date: tomorrow
        ---
        """)
        defer { site.delete() }
        let result = site.build()
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 2)
        #expect(!site.exists("index.html"))
    }

    private func modificationTimes(_ folder: URL) -> [String: Date] {
        var times: [String: Date] = [:]
        for path in Fixtures.tree(at: folder).keys {
            times[path] = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path))?[.modificationDate] as? Date
        }
        return times
    }
}
