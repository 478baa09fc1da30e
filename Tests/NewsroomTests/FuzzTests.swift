import Foundation
import NewsroomMarkdown
import Testing
@testable import Newsroom

/// Issue 6.6: seeded mutations of a valid news item, each loaded and rendered as a build
/// would: no crash, and every failure is a located diagnostic inside the file.
/// `NEWSROOM_FUZZ_ITERATIONS=200000 swift test --filter FuzzTests` runs longer, outside CI.
@Suite struct FuzzTests {
    static let seedDocument = """
    ---
    title: "Bucharest conference: common answers"
    date: 2023-03-21T10:00:00+02:00
    updated: 2023-03-22
    summary: A summary with 'quotes' and "more".
    tags: [trafficking, Société civile, "права"]
    location: Bucharest, Romania
    author: Press Office
    image:
      src: hero.svg
      alt: A drawing
      caption: Caption
    aliases: [/old/path/]
    draft: false
    ---
    March 21 – the **opening** paragraph with a [link](../2022-01-01-x.md) and ![img](hero.svg).

    > "A quote," said someone.

    1. One
    2. Two

    | a | b |
    |---|---|
    | 1 | 2 |

    Footnote[^1] and <b>raw</b> and `code`.

    ###

    ## Background information

    [^1]: The note.
    """

    /// SplitMix64: small, seedable, the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let fragments: [[UInt8]] = [
        ":", "-", "---", "\"", "'", "[", "]", "{", "}", "&a", "*a", "!tag ", "|", ">", "\t", "\n", "\r", "\r\n", "#",
        "<<: ", "%", "@", "`", "~", "? ", "- ", "  ", "\u{FEFF}", "<script>", "](", "![", "[^1]", "\\", "é", "😀",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F]]

    static func mutate(_ input: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(4)) {
            let at = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0: bytes.insert(contentsOf: fragments[random.below(fragments.count)], at: at)
            case 1: if !bytes.isEmpty { bytes.remove(at: min(at, bytes.count - 1)) }
            case 2: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
            case 3: bytes = Array(bytes.prefix(at))
            case 4:
                let end = min(bytes.count, at + random.below(40))
                bytes.insert(contentsOf: bytes[at..<end], at: random.below(bytes.count + 1))
            default:
                let end = min(bytes.count, at + random.below(20))
                bytes.removeSubrange(at..<end)
            }
        }
        return bytes
    }

    @Test func mutatedItemsNeverCrashAndFailWithLocatedDiagnostics() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["NEWSROOM_FUZZ_ITERATIONS"] ?? "") ?? 2_000
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/news"), withIntermediateDirectories: true)
        let site = SourceFolder(url: folder, displayName: "site")
        let dates = DateParser(timeZone: TimeZone(identifier: "Europe/Bucharest")!)
        let markdown = MarkdownRenderer()
        var random = Random(state: 20_261_129)
        let seed = Array(Self.seedDocument.utf8)
        var failures = 0, successes = 0
        let path = "content/news/2023-03-21-fuzz.md"
        for _ in 0..<iterations {
            let bytes = Self.mutate(seed, &random)
            try Data(bytes).write(to: folder.appendingPathComponent(path))
            var log = DiagnosticLog()
            let source = NewsItemLoader.Source(markdownPath: path, bundlePath: nil, name: "2023-03-21-fuzz")
            if let loaded = NewsItemLoader.load(source, in: site, dates: dates, log: &log) {
                _ = markdown.parse(utf8: loaded.body)
                _ = markdown.render(String(decoding: loaded.body, as: UTF8.self)) { _ in .keep }
                successes += 1
            } else {
                failures += 1
                #expect(log.hasErrors, "no error for a rejected file: \(String(decoding: bytes, as: UTF8.self).prefix(200))")
            }
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count + 1
            for diagnostic in log.diagnostics {
                #expect(diagnostic.path == "site/" + path)
                #expect(diagnostic.line >= 1 && diagnostic.line <= lines, "\(diagnostic)")
                #expect(diagnostic.column >= 1)
            }
        }
        #expect(failures > iterations / 10 && successes > iterations / 10, "\(failures) failures, \(successes) successes")
        print("fuzz: \(iterations) mutations, \(failures) rejected with diagnostics, \(successes) loaded")
    }
}
