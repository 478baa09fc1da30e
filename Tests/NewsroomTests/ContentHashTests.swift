import Foundation
import Testing
@testable import Newsroom

/// The content hash decides whether a file changed: every small change must change it.
@Suite struct ContentHashTests {
    static func page(_ count: Int) -> [UInt8] {
        var state: UInt64 = 42
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func everySingleBitFlipChangesTheHash() {
        for count in [1, 7, 8, 31, 32, 33, 100, 16_384 + 5] {
            let original = Self.page(count)
            let base = ContentHash.of(Data(original))
            var seen: Set<UInt64> = [base]
            let positions = count > 300 ? Array(0..<100) + Array(count - 100..<count) : Array(0..<count)
            for position in positions {
                for bit in 0..<8 {
                    var changed = original
                    changed[position] ^= UInt8(1 << bit)
                    #expect(seen.insert(ContentHash.of(Data(changed))).inserted, "count \(count), byte \(position), bit \(bit)")
                }
            }
        }
    }

    @Test func lengthsAndSwapsGiveDifferentHashes() {
        var seen: Set<UInt64> = []
        for count in 0...200 {
            #expect(seen.insert(ContentHash.of(Data(repeating: 0, count: count))).inserted, "zeros \(count)")
        }
        // The same words in another order (lanes must not commute).
        let words = Self.page(64)
        let swapped = Array(words[8..<16]) + Array(words[0..<8]) + Array(words[16...])
        #expect(ContentHash.of(Data(words)) != ContentHash.of(Data(swapped)))
        #expect(ContentHash.of(Data("<p>a</p>".utf8)) == ContentHash.of(Data("<p>a</p>".utf8)))
    }
}
