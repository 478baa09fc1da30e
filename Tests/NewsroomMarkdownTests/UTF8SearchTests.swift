import Testing
@testable import NewsroomMarkdown

/// The rarest-byte search against a plain scan, on haystacks and needles drawn from a small
/// alphabet (so partial matches and overlaps are frequent) and from HTML.
@Suite struct UTF8SearchTests {
    static func naive(_ needle: [UInt8], _ haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = max(start, 0)
        while index + needle.count <= haystack.count {
            if Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    @Test func matchesAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("ab#<\"é".utf8)
        for _ in 0..<3_000 {
            let haystack = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let start = Int.random(in: 0...max(0, haystack.count), using: &generator)
            let found = haystack.withUnsafeBufferPointer { UTF8Search.firstIndex(of: needle, in: $0, from: start) }
            #expect(found == Self.naive(needle, haystack, from: start), "\(needle) in \(haystack) from \(start)")
        }
    }

    @Test func findsIconUsesInAPage() {
        let page = Array("<a href=\"#main\">x</a><svg><use href=\"#icon-rss\"></use></svg> h h href=\"#icon-x\"".utf8)
        let needle = Array("href=\"#icon-".utf8)
        page.withUnsafeBufferPointer { bytes in
            let first = UTF8Search.firstIndex(of: needle, in: bytes)
            #expect(first == Self.naive(needle, page, from: 0))
            #expect(UTF8Search.firstIndex(of: needle, in: bytes, from: first! + 1) == Self.naive(needle, page, from: first! + 1))
        }
        #expect(UTF8Search.rarestOffset(in: needle) == 6)
    }
}
