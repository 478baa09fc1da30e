import Foundation
import Testing
@testable import NewsroomMarkdown

/// cmark-gfm switches its inline extensions' special characters on and off in a process-wide
/// table on every parse, so two parses at once can lose `~~strike~~` or `www.` links. Rendering
/// from several threads must give exactly what rendering one document at a time gives.
@Suite struct ConcurrentRenderTests {
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
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for round in 0..<40 {
                for (index, document) in Self.documents.enumerated() where (index + round + thread) % 2 == 0 {
                    if renderer.render(document).html != expected[index] { mismatches.add() }
                }
            }
        }
        #expect(mismatches.count == 0)
    }
}

private final class Mismatches: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

/// Table rows are parsed for inlines while their block is read (`cmark_parser_feed`), and that
/// switches the special characters too: a table read on one thread must not drop `~~strike~~`
/// or `www.` links from a paragraph parsed on another.
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
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for round in 0..<60 {
                for index in 0..<16 {
                    if thread == 0 {
                        _ = renderer.render(Self.tables[index])
                    } else if renderer.render(Self.prose[index]).html != expected[index] {
                        mismatches.add()
                    }
                }
                _ = round
            }
        }
        #expect(mismatches.count == 0)
    }
}
