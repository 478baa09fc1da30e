import Foundation
import Testing
@testable import Newsroom

/// Issue 6.1: every malformed input is a located diagnostic, never a crash, and an error
/// leaves the previous output untouched.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var bytes: [UInt8]
        /// The start of the expected diagnostic (`path:line:col: error: …`).
        var expected: String
        var testDescription: String { name }
    }

    static let item = "site/content/news/2023-05-01-bad.md"
    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let cases: [Case] = [
        Case(name: "invalid UTF-8", path: item, bytes: text("---\ntitle: A\n") + [0xC3, 0x28] + text("\ndate: 2023-05-01\n---\n"),
             expected: "\(item):3:1: error: the file is not valid UTF-8 text"),
        Case(name: "unterminated fence", path: item, bytes: text("---\ntitle: A\ndate: 2023-05-01\n"),
             expected: "\(item):1:1: error: front matter opened here is never closed"),
        Case(name: "front matter is a list", path: item, bytes: text("---\n- a\n- b\n---\nBody\n"),
             expected: "\(item):2:1: error: front matter must be a map of 'key: value' lines, not a list"),
        Case(name: "front matter is a scalar", path: item, bytes: text("---\njust words\n---\nBody\n"),
             expected: "\(item):2:1: error: front matter must be a map of 'key: value' lines, not a string"),
        Case(name: "YAML alias", path: item, bytes: text("---\ntitle: &t A\nsummary: *t\ndate: 2023-05-01\n---\n"),
             expected: "\(item):2:8: error: YAML anchors and aliases"),
        Case(name: "YAML merge key", path: item, bytes: text("---\nbase: {a: 1}\n<<: {title: A}\ndate: 2023-05-01\n---\n"),
             expected: "\(item):3:1: error: YAML merge keys (<<) are not supported"),
        Case(name: "empty file", path: item, bytes: [],
             expected: "\(item):1:1: error: the file is empty"),
        Case(name: "binary file", path: item, bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
             expected: "\(item):1:1: error: this is a binary file, not UTF-8 text"),
        Case(name: "binary file without .md", path: "site/content/news/photo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00],
             expected: "site/content/news/photo.png:1:1: error: 'photo.png' is not a news item"),
        Case(name: "February 30", path: item, bytes: text("---\ntitle: A\ndate: 2023-02-30\n---\n"),
             expected: "\(item):3:7: error: 'date' is not a real date: February 2023 has no day 30"),
        Case(name: "year zero", path: item, bytes: text("---\ntitle: A\ndate: 0000-01-01\n---\n"),
             expected: "\(item):3:7: error: 'date' is not a real date: year 0 is out of range"),
        Case(name: "offset +25:00", path: item, bytes: text("---\ntitle: A\ndate: 2023-05-01T10:00:00+25:00\n---\n"),
             expected: "\(item):3:7: error: 'date' is not a real date: offset +25:0 is not a real timezone offset"),
        Case(name: "duplicate key", path: item, bytes: text("---\ntitle: A\ntitle: B\ndate: 2023-05-01\n---\n"),
             expected: "\(item):2:1: error: duplicate key 'title' in front matter"),
        Case(name: "tab-indented YAML", path: item, bytes: text("---\ntitle: A\ndate: 2023-05-01\nimage:\n\tsrc: x.png\n---\n"),
             expected: "\(item):5:1: error: YAML syntax error"),
    ]

    @Test(arguments: cases)
    func malformedInputIsLocatedAndKeepsOutput(_ fixture: Case) throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let before = site.outputTree()
        try site.writeData(Data(fixture.bytes), to: fixture.path)
        let result = site.build()
        #expect(!result.succeeded)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(fixture.expected) == true, "\(errors)")
        #expect(site.outputTree() == before)
    }

    @Test func bomAndLineEndingsAreAccepted() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try site.writeData(Data([0xEF, 0xBB, 0xBF] + Self.text("---\r\ntitle: CRLF\r\ndate: 2023-05-01\r\n---\r\nOne\r\n\r\nTwo\r\n")), to: "site/content/news/2023-05-01-crlf.md")
        try site.writeData(Data(Self.text("---\rtitle: CR\rdate: 2023-05-02\r---\rOne\r")), to: "site/content/news/2023-05-02-cr.md")
        let result = site.build()
        #expect(result.succeeded, "\(result.otherDiagnostics)")
        #expect(site.read("news/2023/05/crlf/index.html")?.contains("<p>Two</p>") == true)
        #expect(site.read("news/2023/05/cr/index.html")?.contains("<h1>CR</h1>") == true)
    }

    @Test func hugeBodyAndLongTitleBuild() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let paragraph = String(repeating: "Word ", count: 199) + "end.\n\n"
        let body = String(repeating: paragraph, count: 10 * 1024 * 1024 / paragraph.utf8.count)
        let title = String(repeating: "Long ", count: 60)
        try site.write("-- site/content/news/2023-05-01-big.md --\n---\ntitle: \"\(title)\"\ndate: 2023-05-01\n---\n")
        let url = site.site.appendingPathComponent("content/news/2023-05-01-big.md")
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        handle.write(Data(body.utf8))
        try handle.close()
        let result = site.build()
        #expect(result.succeeded)
        #expect(result.otherDiagnostics.map(\.description) == ["site/content/news/2023-05-01-big.md:2:8: warning: the title is 300 characters long; headlines read best under 120"])
        #expect((site.read("news/2023/05/big/index.html")?.utf8.count ?? 0) > 10_000_000)
    }

    @Test func folderNamedLikeAPage() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        try FileManager.default.createDirectory(at: site.site.appendingPathComponent("content/pages/contact.md"), withIntermediateDirectories: true)
        let result = site.build()
        #expect(result.otherDiagnostics.map(\.description) == ["site/content/pages/contact.md:1:1: error: 'contact.md' is not a page: pages are .md or .markdown files"])
    }
}
