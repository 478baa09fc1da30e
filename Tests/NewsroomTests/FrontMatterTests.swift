import Foundation
import Testing
import TestSupport
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

    /// The in-place path (no NUL, no CR) and the copying one agree on what they share.
    @Test func sourceTextWithoutCarriageReturns() throws {
        #expect(try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\nb é".utf8)), path: "x").get().text == "a\nb é")
        #expect(try SourceText.decode(Data(), path: "x").get().text == "")
        #expect(try SourceText.decode(Data([0xEF, 0xBB, 0xBF]), path: "x").get().text == "")
        guard case .failure(let binary) = SourceText.decode(Data(Array("ab".utf8) + [0x00, 0x41]), path: "x.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(binary.description == "x.md:1:1: error: this is a binary file, not UTF-8 text")
        guard case .failure(let invalid) = SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8) + [0xC3]), path: "x.md") else {
            Issue.record("expected a failure"); return
        }
        #expect(invalid.description == "x.md:2:2: error: the file is not valid UTF-8 text")
    }

    /// Splitting a file's bytes gives what decoding them and splitting the text gives, the
    /// same diagnostics included, whether the bytes are used in place or not.
    @Test func splitOfBytesAgreesWithSplitOfText() throws {
        let files: [[UInt8]] = [
            Array("---\ntitle: A\ndate: 2023-01-01\n---\n\nBody é\n".utf8),
            Array("---\n---\nBody".utf8),
            Array("---  \ntitle: ü\n...\t\n".utf8),
            Array("---\ntitle: A\n---".utf8),
            [0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\n---\nB\n".utf8),
            Array("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8),
            Array("---\ntitle: A\n---\nBo".utf8) + [0x00] + Array("dy".utf8),
            Array("---\ntitle: ".utf8) + [0xC3] + Array("\n---\nBody".utf8),
            Array("---\ntitle: A\n---\nBody ".utf8) + [0xE2, 0x82],
            Array("title: A\n".utf8),
            Array("title: ".utf8) + [0xFF],
            Array("---\ntitle: A\n".utf8),
            [],
        ]
        for bytes in files {
            let direct = FrontMatter.split(Data(bytes), path: "x.md")
            // The body alone, as a body read again takes it from a file that split before.
            if case .success(let split) = direct { #expect(try FrontMatter.bodyBytes(of: Data(bytes), path: { "x.md" }).get() == split.bodyBytes) }
            let viaText = SourceText.decode(Data(bytes), path: "x.md").flatMap { FrontMatter.split($0.text, path: "x.md") }
            switch (direct, viaText) {
            case (.success(let a), .success(let b)): #expect(a == b)
            case (.failure(let a), .failure(let b)): #expect(a.description == b.description)
            default: Issue.record("\(bytes): \(direct) but \(viaText)")
            }
        }
        #expect(try FrontMatter.split(Data(files[0]), path: "x.md").get() == FrontMatter(yaml: "title: A\ndate: 2023-01-01", yamlFirstLine: 2, body: "\nBody é", bodyFirstLine: 5))
    }

    /// The body's bytes are checked without making a String of them: the check must take and
    /// refuse exactly what `String(validating:)` takes and refuses, ASCII runs of any length
    /// around every lead byte, cut short or not, included.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var random = SeededRandom(seed: 0x17F8)
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), Array("é".utf8), Array("—".utf8), Array("😀".utf8), [0xC0, 0x80], [0xC1, 0xBF],
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80], [0xBF], [0xC2], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xFE], Array("1234567".utf8), [0x00], [0x7F],
        ]
        for _ in 0..<5_000 {
            let bytes = (0..<random.int(0, 12)).flatMap { _ in random.pick(pieces) }
            let standard = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(SourceText.isUTF8) == standard, "\(bytes)")
        }
    }

    @Test func fileSystemReadsRegularFilesOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try big.write(to: folder.appendingPathComponent("big"))
        try Data().write(to: folder.appendingPathComponent("empty"))
        #expect(FileSystem.local.read(folder.path + "/big") == big)
        #expect(FileSystem.local.read(folder.path + "/empty") == Data())
        #expect(FileSystem.local.read(folder.path + "/missing") == nil)
        #expect(FileSystem.local.read(folder.path) == nil)
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
