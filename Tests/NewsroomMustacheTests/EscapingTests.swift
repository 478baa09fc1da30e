import Testing
@testable import NewsroomMustache

/// `{{v}}` is HTML-escaped, `{{{v}}}` written as it is (the escaping itself: `HTMLEscapingTests`).
@Suite struct EscapingTests {
    @Test func variablesAreEscapedInTemplates() throws {
        let set = try MustacheTemplateSet(templates: ["t": "{{v}}|{{{v}}}"])
        #expect(set.render("t", context: ["v": "<a href=\"x\">'&'</a>@`="]) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;@`=|<a href=\"x\">'&'</a>@`=")
    }
}
