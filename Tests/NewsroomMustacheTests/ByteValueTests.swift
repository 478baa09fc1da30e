import Testing
@testable import NewsroomMustache

/// A value held as UTF-8 bytes (`TemplateValue.bytes`, how rendered bodies reach the page)
/// renders exactly as the same text held as a `String` does, in every kind of tag.
@Suite struct ByteValueTests {
    static let templates = [
        "{{v}}", "{{{v}}}", "{{&v}}", "[{{#v}}({{.}}){{/v}}]", "[{{^v}}none{{/v}}]", "{{#empty(v)}}empty{{/empty(v)}}",
        "{{count(v)}}", "{{uppercased(v)}}", "{{#v}}{{{.}}}{{/v}}", "{{o.v}}|{{#o}}{{v}}{{/o}}",
    ]
    static let texts = ["", "plain", "<p class=\"x\">Café & ‘quotes’ — 'it'</p>\n", "a&b<c>d\"e'f"]

    @Test(arguments: templates)
    func rendersAsTheSameText(_ template: String) throws {
        let set = try MustacheTemplateSet(templates: ["t": template])
        for text in Self.texts {
            func page(_ value: TemplateValue) -> String {
                var inner = TemplateObject()
                inner.set(TemplateKey("v"), value)
                var object = inner
                object.set(TemplateKey("o"), .object(inner))
                return String(decoding: set.renderBytes("t", contexts: [.object(object)]), as: UTF8.self)
            }
            #expect(page(.bytes(Array(text.utf8))) == page(.text(text)), "\(template) with \(text.debugDescription)")
        }
    }

    @Test func writesTheBytesAsTheyAre() throws {
        let set = try MustacheTemplateSet(templates: ["t": "<main>{{{body}}}</main>{{body}}"])
        var object = TemplateObject()
        object.set(TemplateKey("body"), .bytes(Array("<p>A & B</p>".utf8)))
        #expect(String(decoding: set.renderBytes("t", contexts: [.object(object)]), as: UTF8.self) == "<main><p>A & B</p></main>&lt;p&gt;A &amp; B&lt;/p&gt;")
    }
}
