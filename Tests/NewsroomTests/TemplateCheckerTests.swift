import Testing
@testable import Newsroom

/// The template checker's diagnostics, exactly: message, place (`path:line:col`, the column in
/// characters) and order, for each kind of tag.
@Suite struct TemplateCheckerTests {
    static let vocabulary: Set<String> = ["title", "items", "page", "url", "name", "content", "main", "icon"]
    static let icons: Set<String> = ["star", "rss"]

    /// Compiles `templates` (name → source; a name starting with `_` is a partial) and returns
    /// the diagnostics in the order they were reported.
    func diagnostics(_ templates: KeyValuePairs<String, String>, icons: Set<String> = icons) -> [String] {
        let sources = templates.map { name, text in
            let partial = name.hasPrefix("_")
            let bare = partial ? String(name.dropFirst()) : name
            return TemplateSource(name: bare, kind: partial ? .partial : .layout, text: text, displayPath: (partial ? "partials/" : "layouts/") + bare + ".mustache")
        }
        var log = DiagnosticLog()
        _ = TemplateSet.compile(sources, vocabulary: Self.vocabulary, iconNames: icons, log: &log)
        return log.diagnostics.map(\.description)
    }

    @Test func nestedSectionsAndDottedNames() {
        #expect(diagnostics(["page": "<ul>\n{{#items}}\n  {{#page}}<li>{{page.titel}} {{naem}}</li>{{/page}}\n{{/items}}\n</ul>\n"]) == [
            "layouts/page.mustache:3:16: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:3:31: error: unknown variable 'naem'; did you mean 'name'?",
        ])
        #expect(diagnostics(["page": "{{page.url.nmae}} {{.title}} {{#items}}{{.}}{{/items}}"]) == [
            "layouts/page.mustache:1:1: error: unknown variable 'nmae'; did you mean 'name'?",
        ])
    }

    @Test func invertedAndUnescaped() {
        #expect(diagnostics(["page": "{{^itemz}}none{{/itemz}} {{^items}}{{.}}{{/items}}"]) == [
            "layouts/page.mustache:1:1: error: unknown variable 'itemz'; did you mean 'items'?",
        ])
        #expect(diagnostics(["page": "{{{titel}}} {{&titel}} {{ titel }}"]) == [
            "layouts/page.mustache:1:1: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:1:13: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:1:24: error: unknown variable 'titel'; did you mean 'title'?",
        ])
    }

    @Test func transforms() {
        #expect(diagnostics(["page": "{{uppercased(empty(titel))}} {{shout(lowercased(title))}} {{#empty(itemz)}}x{{/empty(itemz)}} {{shout(yell(naem))}}"]) == [
            "layouts/page.mustache:1:1: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:1:30: error: unknown transform 'shout'",
            "layouts/page.mustache:1:59: error: unknown variable 'itemz'; did you mean 'items'?",
            "layouts/page.mustache:1:95: error: unknown transform 'shout'",
            "layouts/page.mustache:1:95: error: unknown transform 'yell'",
            "layouts/page.mustache:1:95: error: unknown variable 'naem'; did you mean 'name'?",
        ])
    }

    /// `{{#icon}}name{{/icon}}` is the icon lambda: its text must name an icon of the theme.
    @Test func iconLambda() {
        #expect(diagnostics(["page": "{{#icon}}stra{{/icon}}\n{{#icon}}\n  rsss\n{{/icon}}\n{{#icon}}{{name}}{{/icon}}{{#icon}}{{/icon}}{{#icon}} star {{/icon}}{{^icon}}strr{{/icon}}"]) == [
            "layouts/page.mustache:1:1: error: unknown icon 'stra'; did you mean 'star'?",
            "layouts/page.mustache:2:1: error: unknown icon 'rsss'; did you mean 'rss'?",
        ])
        #expect(diagnostics(["page": "{{#icon}}star{{/icon}}"], icons: []) == [
            "layouts/page.mustache:1:1: error: unknown icon 'star' (the theme has no such file in icons/)",
        ])
    }

    @Test func partials() {
        #expect(diagnostics(["page": "{{> sidbar}}\n  {{>header}}\n  {{> hedaer}}\n{{>*title}}{{> *naem}}", "_header": "<h1>{{titel}}</h1>\n"]) == [
            "layouts/page.mustache:1:1: error: partial 'sidbar' not found",
            "layouts/page.mustache:3:3: error: partial 'hedaer' not found; did you mean 'header'?",
            "partials/header.mustache:1:5: error: unknown variable 'titel'; did you mean 'title'?",
        ])
    }

    /// Blocks given inside a parent tag are checked where they are written, in the order written.
    @Test func inheritance() {
        #expect(diagnostics(["page": "{{<bse}}\n  {{$main}}\n    <p>{{titel}}</p>\n  {{/main}}\n  {{$side}}{{naem}}{{/side}}\n{{/bse}}", "base": "{{$main}}{{contnt}}{{/main}}{{$side}}{{/side}}"]) == [
            "layouts/page.mustache:1:1: error: parent layout 'bse' not found; did you mean 'base'?",
            "layouts/page.mustache:3:8: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:5:12: error: unknown variable 'naem'; did you mean 'name'?",
            "layouts/base.mustache:1:10: error: unknown variable 'contnt'; did you mean 'content'?",
        ])
        #expect(diagnostics(["page": "{{<base}}{{$zeta}}{{zz}}{{/zeta}}{{$alpha}}{{aa}}{{/alpha}}{{/base}}", "base": "x"]) == [
            "layouts/page.mustache:1:19: error: unknown variable 'zz'",
            "layouts/page.mustache:1:44: error: unknown variable 'aa'",
        ])
    }

    /// Columns count characters, not bytes: `é`, an emoji with a skin tone, `e` with a combining accent.
    @Test func columnsAfterMultiByteCharacters() {
        #expect(diagnostics(["page": "é {{titel}}\n👍🏽 {{titel}}\ne\u{301}{{titel}} 日本語{{#icon}}str{{/icon}}"]) == [
            "layouts/page.mustache:1:3: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:2:3: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:3:2: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:3:15: error: unknown icon 'str'; did you mean 'star'?",
        ])
    }

    @Test func delimiterChangesAndComments() {
        #expect(diagnostics(["page": "{{=<% %>=}}\n<% titel %> <%& naem %>\n<%={{ }}=%>{{nmae}}"]) == [
            "layouts/page.mustache:2:1: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:2:13: error: unknown variable 'naem'; did you mean 'name'?",
            "layouts/page.mustache:3:12: error: unknown variable 'nmae'; did you mean 'name'?",
        ])
        #expect(diagnostics(["page": "{{! titel }}{{!\n naem\n}}{{titel}}"]) == [
            "layouts/page.mustache:3:3: error: unknown variable 'titel'; did you mean 'title'?",
        ])
    }

    /// A standalone tag is reported where it is written, not where its line's text goes.
    @Test func standaloneTags() {
        #expect(diagnostics(["page": "  {{#items}}  \n\t{{titel}}\n  {{/items}}\n  {{! c }}\n    {{naem}}\n  {{#itemz}}\n  {{/itemz}}\n"]) == [
            "layouts/page.mustache:2:2: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:5:5: error: unknown variable 'naem'; did you mean 'name'?",
            "layouts/page.mustache:6:3: error: unknown variable 'itemz'; did you mean 'items'?",
        ])
    }

    /// Both templates of a clash are checked.
    @Test func clashingTemplates() {
        #expect(diagnostics(["page": "{{titel}}", "_page": "{{naem}}"]) == [
            "partials/page.mustache:1:1: error: layout and partial 'page' clash with layouts/page.mustache: rename one",
            "layouts/page.mustache:1:1: error: unknown variable 'titel'; did you mean 'title'?",
            "partials/page.mustache:1:1: error: unknown variable 'naem'; did you mean 'name'?",
        ])
    }

    /// A template that does not parse has no tree to walk: its syntax error is all that is said
    /// of it (the other templates are still checked).
    @Test func aTemplateThatDoesNotParseReportsItsSyntaxErrorAlone() {
        #expect(diagnostics(["page": "{{titel}}\n{{#items}}\n{{naem}}\n", "_foot": "{{naem}}"]) == [
            "layouts/page.mustache:4:1: error: template syntax error: the section 'items' is never closed",
            "partials/foot.mustache:1:1: error: unknown variable 'naem'; did you mean 'name'?",
        ])
        #expect(diagnostics(["page": "{{titel}}\n{{#items}}{{/itemz}}\n{{naem}}\n"]) == [
            "layouts/page.mustache:2:11: error: template syntax error: '{{/itemz}}' closes nothing here; 'items' is still open",
        ])
    }

    /// Tags are read as the renderer reads them: `{` opens an unescaped tag whatever the
    /// delimiters, and spaces around a transform's name or argument do not belong to it.
    @Test func namesAsTheRendererReadsThem() {
        #expect(diagnostics(["page": "{{=<% %>=}}<%{naem}%>"]) == [
            "layouts/page.mustache:1:12: error: unknown variable 'naem'; did you mean 'name'?",
        ])
        #expect(diagnostics(["page": "{{ shout (titel)}} {{uppercased( titel )}}"]) == [
            "layouts/page.mustache:1:1: error: unknown transform 'shout'",
            "layouts/page.mustache:1:1: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:1:20: error: unknown variable 'titel'; did you mean 'title'?",
        ])
    }

    /// Theme files reach the checker with line ends made `\n` (`SourceText`); given `\r\n`, lines
    /// are still counted, and the icon lambda's text keeps the `\r\n` the lambda would keep.
    @Test func carriageReturnLineEnds() {
        #expect(diagnostics(["page": "<p>\r\n{{titel}}\r\n  {{#items}}\r\n{{naem}}\r\n  {{/items}}\r\n{{#icon}}\r\nrss\r\n{{/icon}}\r\n{{#icon}}rsss{{/icon}}"]) == [
            "layouts/page.mustache:2:1: error: unknown variable 'titel'; did you mean 'title'?",
            "layouts/page.mustache:4:1: error: unknown variable 'naem'; did you mean 'name'?",
            "layouts/page.mustache:6:1: error: unknown icon 'rss\r\n'; did you mean 'rss'?",
            "layouts/page.mustache:9:1: error: unknown icon 'rsss'; did you mean 'rss'?",
        ])
    }
}
