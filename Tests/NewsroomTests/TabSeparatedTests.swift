import Testing
@testable import Newsroom

/// Fields of the manifest and build record never split their line and read back as written.
@Suite struct TabSeparatedTests {
    @Test(arguments: ["plain", "a\tb", "c\nd", "e\r\nf", "g\rh", "back\\slash", "\\t literally", "\\\u{301} accent", "é \t 日本\n", ""])
    func roundTrips(_ field: String) {
        let written = TabSeparated.escape(field)
        #expect(!written.utf8.contains(0x09) && !written.utf8.contains(0x0A) && !written.utf8.contains(0x0D))
        #expect(TabSeparated.unescape(Substring(written)) == field)
    }
}
