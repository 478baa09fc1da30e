import Testing
@testable import NewsroomMustache

/// A compiled template: its text in one buffer, names as runs of keys, each section's and
/// block's children the operations up to its `end`, so the renderer steps over what it skips.
@Suite struct MustacheProgramTests {
    static func program(_ source: String) throws -> MustacheProgram {
        MustacheProgram(try MustacheTemplateSet.parse(source, name: "t"))
    }

    static func text(_ program: MustacheProgram, _ op: MustacheOp) -> String {
        String(decoding: program.text[Int(op.start)..<Int(op.start + op.count)], as: UTF8.self)
    }

    @Test func textsShareOneBufferInOrder() throws {
        let program = try Self.program("<p>{{a.b}}</p>{{{c}}}!")
        #expect(program.ops.map(\.kind) == [.text, .variable, .text, .variable, .text])
        #expect(String(decoding: program.text, as: UTF8.self) == "<p></p>!")
        #expect(Self.text(program, program.ops[2]) == "</p>")
        let dotted = program.ops[1]
        #expect(program.keys[Int(dotted.start)..<Int(dotted.start + dotted.count)].map(\.spelling) == ["a", "b"])
        #expect(dotted.flag && !program.ops[3].flag)
    }

    @Test func sectionsEndPastTheirChildren() throws {
        let program = try Self.program("{{#list}}[{{^empty(x)}}{{.}}{{/empty(x)}}]{{/list}}{{$b}}d{{/b}}after")
        #expect(program.ops.map(\.kind) == [.section, .text, .section, .variable, .text, .block, .text, .text])
        #expect(program.ops[0].end == 5 && program.ops[2].end == 4 && program.ops[5].end == 7)
        #expect(program.ops[2].flag && program.ops[2].transformed)
        #expect(program.names[Int(program.ops[2].detail)].transforms == ["empty"])
        #expect(program.sources[Int(program.ops[0].detail)] == "[{{^empty(x)}}{{.}}{{/empty(x)}}]")
        #expect(program.ops[3].count == 0)
        #expect(Self.text(program, program.ops[7]) == "after")
    }

    @Test func skippedSectionsRenderNothingOfTheirChildren() throws {
        let set = try MustacheTemplateSet(templates: ["t": "{{#no}}a{{#yes}}b{{/yes}}{{/no}}{{^no}}c{{#list}}<{{.}}>{{/list}}{{/no}}d"])
        #expect(set.render("t", context: ["yes": true, "no": false, "list": ["1", "2"]]) == "c<1><2>d")
    }

    @Test func partialsAreCalledThroughTheirSlots() throws {
        let program = try Self.program("{{> card}}{{>*which}}")
        #expect(program.ops.map(\.kind) == [.partial, .partial])
        #expect(!program.ops[0].flag && program.ops[1].flag)
        #expect(program.slots.count == 2 && program.partials.map(\.name) == ["card", "which"])
    }
}
