import Testing
@testable import NewsroomText

@Suite struct TrimmingTests {
    @Test func asciiSpaceIsSpaceTabAndLineEnds() {
        #expect(" \t\r\nword in\tmiddle \n\r\t ".trimmedASCIISpace == "word in\tmiddle")
        #expect(" \t\n\r ".trimmedASCIISpace == "")
        #expect("".trimmedASCIISpace == "")
        #expect("\u{A0}x\u{A0}".trimmedASCIISpace == "\u{A0}x\u{A0}")
        #expect(Substring(" é ").trimmedASCIISpace == "é")
    }

    /// `"\r\n"` in the set is one character: it trims a CRLF, not a lone CR.
    @Test func characterSetsCompareCharacters() {
        #expect(" \r\nname\t\r\n".trimming(" \t\n\r\n") == "name")
        #expect("\rname\r".trimming(" \t\n\r\n") == "\rname\r")
        #expect("name\r\n".trimming(" \t\n") == "name\r\n")
        #expect("   ".trimming(" ") == "")
    }

    @Test func unicodeWhitespaceByPredicate() {
        #expect("\u{2003} label\u{A0}\n".trimming(where: \.isWhitespace) == "label")
    }

    @Test func bytesLeaveOtherBytesAlone() {
        #expect("  key: value  ".trimmingBytes { $0 == 0x20 } == "key: value")
        #expect("\tkey ".trimmingBytes { $0 == 0x20 } == "\tkey")
        #expect("    ".trimmingBytes { $0 == 0x20 } == "")
    }

    @Test func asciiClasses() {
        #expect("plain-ascii_123".isASCII)
        #expect(!"café".isASCII)
        #expect((0...255).filter { ASCII.isLetter(UInt8($0)) }.count == 52)
        #expect((0...255).filter { ASCII.isDigit(UInt8($0)) }.count == 10)
        #expect((0...255).filter { ASCII.isLowercaseLetter(UInt8($0)) }.map { Character(Unicode.Scalar(UInt8($0))) } == Array("abcdefghijklmnopqrstuvwxyz"))
    }
}
