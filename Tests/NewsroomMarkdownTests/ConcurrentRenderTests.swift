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
