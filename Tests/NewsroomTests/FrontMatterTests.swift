import Foundation
import Testing
@testable import Newsroom

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBodyWithLineNumbers() throws {
        let split = try FrontMatter.split("---\ntitle: A\ndate: 2023-01-01\n---\n\nBody\n", path: "x.md").get()
        #expect(split.yaml == "title: A\ndate: 2023-01-01")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "\nBody")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func missingOrUnclosedFences() {
        #expect(FrontMatter.split("title: A\n", path: "x.md").isFailure)
        if case .failure(let diagnostic) = FrontMatter.split("---\ntitle: A\n", path: "x.md") {
            #expect(diagnostic.description == "x.md:1:1: error: front matter opened here is never closed with a '---' line")
        } else {
            Issue.record("expected a failure")
        }
    }

    @Test func sourceTextNormalisesBOMAndLineEndings() throws {
        let text = try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc".utf8)), path: "x").get().text
        #expect(text == "a\nb\nc")
    }

    @Test func invalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xFF] + Array("c".utf8)
        guard case .failure(let diagnostic) = SourceText.decode(Data(bytes), path: "x.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(diagnostic.description == "x.md:2:3: error: the file is not valid UTF-8 text")
    }

    @Test func yamlAnchorsAndMergeKeysAreRefused() {
        guard case .failure(let alias) = YAMLNode.parse("a: &x 1\nb: *x", path: "f", firstLine: 2) else {
            Issue.record("expected a failure"); return
        }
        #expect(alias.line == 2)
        #expect(alias.message.contains("anchors"))
        guard case .failure(let duplicate) = YAMLNode.parse("title: a\ntitle: b", path: "f", firstLine: 2) else {
            Issue.record("expected a failure"); return
        }
        #expect(duplicate.message.contains("duplicate key 'title'"))
    }

    @Test func unknownKeysSuggestTheClosest() throws {
        var log = DiagnosticLog()
        let node = try #require(try YAMLNode.parse("titel: x\ntagz: [a]\nweird: 1", path: "f.md", firstLine: 2).get())
        let fields = try #require(FieldReader(node, log: &log))
        fields.warnAboutUnknownKeys(known: NewsItemLoader.knownKeys, log: &log)
        #expect(log.diagnostics.map(\.description) == [
            "f.md:2:1: warning: unknown key 'titel'; did you mean 'title'?",
            "f.md:3:1: warning: unknown key 'tagz'; did you mean 'tags'?",
            "f.md:4:1: warning: unknown key 'weird'; it is ignored",
        ])
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
