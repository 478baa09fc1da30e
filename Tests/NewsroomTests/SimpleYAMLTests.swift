import Foundation
import Testing
@testable import Newsroom

/// The fast front-matter reader must agree with Yams on everything it accepts: structure,
/// values, types and positions. Checked on real and mutated front matter.
@Suite struct SimpleYAMLTests {
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let place = "@\(node.location.line):\(node.location.column)"
        switch node.kind {
        case .scalar(let value, let plain):
            return "\(node.tag)\(plain ? "" : "'")(\(value.debugDescription))\(place)"
        case .sequence(let items):
            return "[" + items.map { describe($0) }.joined(separator: ", ") + "]\(place)"
        case .mapping(let pairs):
            return "{" + pairs.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column): \(describe($0.value))" }.joined(separator: ", ") + "}\(place)"
        }
    }

    static func agree(_ yaml: String) -> (simple: String, yams: String)? {
        guard let simple = SimpleYAML.parse(yaml, path: "f", firstLine: 2) else { return nil }
        guard case .success(let yams) = YAMLNode.parseWithYams(yaml, path: "f", firstLine: 2) else {
            return (describe(simple), "error")
        }
        return (describe(simple), describe(yams))
    }

    @Test(arguments: [
        "title: A\ndate: 2023-03-21",
        "title: \"Quoted: with colon\"\ntags: [a, \"b c\", 'd''e']\ndraft: false\nmenu: 3",
        "image:\n  src: hero.svg\n  alt: 'A drawing'\ntags:\n  - one\n  - \"two\"\nlocation: Bucharest, Romania",
        "# comment\ntitle: T\n\nsummary: 5 * 3 is 15\nempty_list: []\nnumber: -5\nratio: 1.5\nnothing: null\nyes_word: yes",
        "title: Ünïcödé — “quotes”\nauthor: Смирнов",
    ])
    func agreesWithYams(_ yaml: String) throws {
        let result = try #require(Self.agree(yaml), "SimpleYAML should read: \(yaml)")
        #expect(result.simple == result.yams)
    }

    @Test(arguments: [
        "title: &a A", "title: *a", "title: |\n  block", "title: >\n  folded", "map: {a: 1}", "title:",
        "title: A\ntitle: B", "title: a\n  continued", "<<: {a: 1}", "title: \"unterminated", "- a\n- b", "just text",
        "title: \"tab\\tand \\u00e9\"", "t: [a, [b]]", "\ttitle: x",
    ])
    func leavesTheRestToYams(_ yaml: String) {
        #expect(SimpleYAML.parse(yaml, path: "f", firstLine: 2) == nil || Self.agree(yaml).map { $0.simple == $0.yams } == true, "\(yaml)")
    }

    /// Spaces are found by byte: a combining mark right after a space, or trailing spaces after
    /// non-ASCII text, must still give what Yams gives (or be left to it).
    @Test(arguments: [
        "title: \u{301}x", "title:  \u{301}x  ", "tags:\n  - \u{301}a\n  - b \u{301}", "title: é  ", "title:   Ünï   ",
        "tags:\n  -   spaced   \n  - x", "title: a \u{301}", "k\u{301}: v", "title: \u{A0}x", "title: x\u{A0}",
        "title: \"\u{301}x\"", "title: \"\u{301}x\\n\"",
    ])
    func spacesBesideNonASCII(_ yaml: String) {
        #expect(SimpleYAML.parse(yaml, path: "f", firstLine: 2) == nil || Self.agree(yaml).map { $0.simple == $0.yams } == true, "\(yaml.debugDescription): \(String(describing: Self.agree(yaml)))")
    }

    /// Both paths hand every YAML 1.1 timestamp form to the date parser as the text written,
    /// plain or quoted (Yams would otherwise be free to resolve or reformat a timestamp).
    @Test(arguments: [
        "2025-01-29 18:15:32 +0530", "2015-09-21 16:52:00 -4", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10   -5", "2001-12-14T21:59:43Z", "2001-12-14 2:59:43.10",
        "2001-12-14T21:59:43.123456789+05", "2001-12-14T21:59:43+05:30", "2001-1-2 3:04:05",
    ])
    func timestampsStayText(_ timestamp: String) throws {
        for written in [timestamp, "\"\(timestamp)\"", "'\(timestamp)'"] {
            let yaml = "title: T\ndate: \(written)"
            let yams = try #require(try YAMLNode.parseWithYams(yaml, path: "f", firstLine: 2).get())
            var nodes = [yams]
            if let simple = SimpleYAML.parse(yaml, path: "f", firstLine: 2) {
                nodes.append(simple)
                #expect(Self.describe(simple) == Self.describe(yams), "\(written)")
            }
            for node in nodes {
                guard case .mapping(let pairs) = node.kind, case .scalar(let value, _)? = pairs.first(where: { $0.key == "date" })?.value.kind else {
                    Issue.record("no date scalar for \(written)")
                    continue
                }
                #expect(value == timestamp)
            }
        }
    }

    @Test func agreesOnMutatedFrontMatter() {
        var random = FuzzTests.Random(state: 42)
        let seed = Array(FuzzTests.seedDocument.split(separator: "---")[0].utf8)
        var read = 0
        for _ in 0..<3_000 {
            let bytes = FuzzTests.mutate(seed, &random)
            guard let yaml = String(validating: bytes, as: UTF8.self) else { continue }
            guard let result = Self.agree(yaml) else { continue }
            read += 1
            #expect(result.simple == result.yams, "\(yaml)")
        }
        #expect(read > 300)
    }

    @Test func agreesOnTheSampleSite() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("site/content")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        #expect(files.count > 15)
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let split = try FrontMatter.split(text, path: file).get()
            let result = try #require(Self.agree(split.yaml), "\(file) should be read by SimpleYAML")
            #expect(result.simple == result.yams, "\(file)")
        }
    }
}

/// Plain scalars typed as YAML 1.1 does (Yams' default rules, without timestamps and the
/// base-60 numbers nobody writes in front matter): numbers are written with ASCII letters,
/// digits and `_+-.` only, which lets anything else be text at once.
@Suite struct ScalarTypeTests {
    @Test(arguments: [
        ("", "null"), ("~", "null"), ("Null", "null"), ("yes", "bool"), ("OFF", "bool"), ("True", "bool"),
        ("0", "int"), ("-17", "int"), ("+3", "int"), ("1_000", "int"), ("0x1F", "int"), ("0o17", "int"), ("0b101", "int"), ("017", "int"),
        ("1.5", "float"), ("-.5", "float"), ("1e5", "float"), ("6.02e+23", "float"), (".inf", "float"), ("-.INF", "float"), (".NaN", "float"),
        ("1,014 teachers", "str"), ("2023-03-21", "str"), ("2017-10-06T10:00:00-05:00", "str"), ("1:30", "str"), ("1 000", "str"),
        ("0x\u{FF11}", "str"), ("\u{661}\u{662}", "str"), ("1e", "str"), ("e5", "str"), ("0x", "str"), ("-", "str"), (".", "str"), ("08", "float"),
        ("Bucharest", "str"), ("yes please", "str"),
        // A sign past the first byte: only an exponent's is a number's.
        ("1e-5", "float"), ("-1E-5", "float"), ("1e+-5", "str"), ("1-2", "str"), ("+-1", "str"), ("--1", "str"), ("0x-1", "str"), ("1_000-", "str"),
    ])
    func resolves(_ text: String, _ tag: String) {
        #expect(ScalarType.resolve(text) == tag, "\(text.debugDescription)")
    }
}
