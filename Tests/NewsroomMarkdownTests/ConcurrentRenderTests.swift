import CCmarkCharacters
import Foundation
import Testing
@testable import NewsroomMarkdown

/// cmark-gfm switches its inline extensions' special characters on and off in a process-wide
/// table on every parse, so two parses at once can lose `~~strike~~` or `www.` links. Rendering
/// from several threads must give exactly what rendering one document at a time gives.
@Suite struct ConcurrentRenderTests {
    /// On Linux our switch replaces cmark-gfm's (see `CCmarkCharacters`), so the renders below
    /// run their inline parsing at the same time, not one after the other behind the lock.
    @Test func inlineParsingTakesNoLockOnLinux() {
        #if os(Linux)
        #expect(CmarkSession.shared.parsesInParallel)
        #endif
    }

    static let documents: [String] = (0..<64).map { index in
        """
        # Heading \(index) with ~~struck~~ text

        Visit www.example\(index).org or https://example.org/\(index) and ~~this \(index)~~ too, \
        with *emphasis*, **strong** and `code`.[^\(index)]

        | a | b |
        |---|---|
        | ~~x\(index)~~ | www.cell\(index).org |

        - [ ] task \(index)
        - [x] done ~~\(index)~~

        [^\(index)]: A note with www.note\(index).org.
        """
    }

    @Test func threadsRenderWhatOneThreadRenders() {
        let renderer = MarkdownRenderer()
        let expected = Self.documents.map { renderer.render($0).html }
        #expect(expected.allSatisfy { $0.contains("<del>") && $0.contains("href=\"http://www.") })
        let mismatches = Mismatches.count(threads: 4, rounds: 40) { thread, round in
            Self.documents.indices.filter { ($0 + round + thread) % 2 == 0 && renderer.render(Self.documents[$0]).html != expected[$0] }.count
        }
        #expect(mismatches == 0)
    }
}

/// Documents with nothing to autolink are parsed without the extension, and the extension's
/// characters (`:` and `w`) are switched on only while a parse with it runs (see
/// `CCmarkCharacters`): both kinds rendered at once must each give what they give alone, and
/// no parse may leave the characters switched on.
@Suite struct AutolinkCharacterTests {
    static let documents: [String] = (0..<32).map { index in
        index % 2 == 0
            ? "Visit www.example\(index).org, https://example.org/\(index) or write to a\(index)@example.org: ~~now~~ \(index).\n"
            : "Read [the report](https://www.example.org/\(index)) from [press@example.org](mailto:press@example.org): wow, ~~now~~ \(index).\n"
    }

    @Test func documentsWithAndWithoutTheExtensionRenderAsAlone() {
        let renderer = MarkdownRenderer()
        let expected = Self.documents.map { renderer.render($0).html }
        #expect(expected.enumerated().allSatisfy { $1.contains("<del>") && $1.contains("href=\"http://www.") == ($0 % 2 == 0) })
        let mismatches = Mismatches.count(threads: 4, rounds: 40) { thread, round in
            Self.documents.indices.filter { ($0 + round + thread) % 3 != 0 && renderer.render(Self.documents[$0]).html != expected[$0] }.count
        }
        #expect(mismatches == 0)
        #if os(Linux)
        #expect(newsroom_cmark_autolink_parses() == 0)
        #endif
    }
}

/// Renders from several threads at once, counting the results that differ from the expected.
private final class Mismatches: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// Runs `round` `rounds` times on each of `threads` threads; it returns its mismatches.
    static func count(threads: Int, rounds: Int, _ round: @Sendable (_ thread: Int, _ round: Int) -> Int) -> Int {
        let total = Mismatches()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for number in 0..<rounds {
                let found = round(thread, number)
                total.lock.withLock { total.value += found }
            }
        }
        return total.lock.withLock { total.value }
    }
}

/// Newer cmark-gfm parses table rows' inlines while their block is read (`cmark_parser_feed`,
/// outside our lock), switching the special characters there too: a table read on one thread
/// must not drop `~~strike~~` or `www.` links from a paragraph parsed on another.
@Suite struct TableRaceTests {
    static let tables: [String] = (0..<16).map { index in
        "| a | b |\n|---|---|\n" + (0..<200).map { "| r\($0) \(index) | x |\n" }.joined()
    }
    static let prose: [String] = (0..<16).map { index in
        (0..<40).map { "Line \($0) ~~gone \(index)~~ and www.site\($0).org here.\n" }.joined()
    }

    @Test func tablesOnOneThreadDoNotChangeProseOnAnother() {
        let renderer = MarkdownRenderer()
        let expected = Self.prose.map { renderer.render($0).html }
        #expect(expected.allSatisfy { $0.contains("<del>") && $0.contains("href=\"http://www.") })
        let mismatches = Mismatches.count(threads: 2, rounds: 60) { thread, _ in
            guard thread == 1 else {
                for table in Self.tables { _ = renderer.render(table) }
                return 0
            }
            return Self.prose.indices.filter { renderer.render(Self.prose[$0]).html != expected[$0] }.count
        }
        #expect(mismatches == 0)
    }
}
