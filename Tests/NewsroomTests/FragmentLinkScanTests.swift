import Testing
import TestSupport
@testable import Newsroom

/// The paths before each `#`, against the two readings done one after the other, each from
/// the `#` itself.
struct FragmentLinkScanTests {
    static func reference(_ body: String) -> [String] {
        let bytes = Array(body.utf8)
        var found = Set<String>()
        for index in bytes.indices where bytes[index] == UInt8(ascii: "#") {
            for stops in ["\n\r(<\"'=` \t[]>", "\n\r(<\"'=`"].map({ Array($0.utf8) }) {
                var start = index
                while start > 0, !stops.contains(bytes[start - 1]) { start -= 1 }
                if start < index { found.insert(String(decoding: bytes[start..<index], as: UTF8.self)) }
            }
        }
        return found.sorted()
    }

    @Test func findsWhatBothReadingsFind() {
        #expect(FragmentLinkScan.paths(in: "## Heading\n[a](other.md#x) [r]: /about/#y <my file.md#z> C# ##") == Self.reference("## Heading\n[a](other.md#x) [r]: /about/#y <my file.md#z> C# ##"))
        var generator = SeededRandom(seed: 0xF4A6)
        let pieces = ["#", "##", "a", "é", " ", "\t", "\n", "(", ")", "<", ">", "[", "]", "\"", "'", "=", "`", "x.md", "/p/", "\r"]
        for _ in 0..<2_000 {
            let body = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(FragmentLinkScan.paths(in: body) == Self.reference(body), "\(body.debugDescription)")
        }
    }

    /// Past the paths compared one by one they are hashed, and still each found once.
    @Test func manyPaths() {
        let body = (0..<40).map { "[l](p\($0 % 25).md#x) C# ##" }.joined(separator: "\n")
        #expect(FragmentLinkScan.paths(in: body) == Self.reference(body))
        #expect(FragmentLinkScan.paths(in: body).count > 16)
    }
}
