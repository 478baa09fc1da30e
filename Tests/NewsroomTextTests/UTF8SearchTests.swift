import Testing
@testable import NewsroomText
import TestSupport

/// The search against a plain scan, on haystacks and needles drawn from a small
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
        var generator = SeededRandom(seed: 0x5EA4C4)
        let alphabet: [UInt8] = Array("ab#<\"é =".utf8)
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
    }
}

/// Replacing on bytes, as the rendered body's footnotes section gets its label.
@Suite struct UTF8ReplaceTests {
    @Test(arguments: [
        ("abcabc", "bc", "XYZ", "aXYZaXYZ"), ("none here", "zz", "!", "none here"), ("ééé", "é", "e", "eee"),
        ("<s a>x<s a>", "<s a>", "<s a b>", "<s a b>x<s a b>"), ("", "a", "b", ""), ("aaa", "aa", "b", "ba"),
    ])
    func replacesEveryOccurrence(_ text: String, _ target: String, _ replacement: String, _ expected: String) {
        let result = UTF8Search.replacing(Array(target.utf8), with: Array(replacement.utf8), in: Array(text.utf8))
        #expect(String(decoding: result, as: UTF8.self) == expected)
    }
}
