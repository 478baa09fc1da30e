/// Byte classes for text that is nearly always ASCII, read by byte: Unicode's property tables
/// cost more than the rest of the work for short names, slugs and schemes. Each user keeps a
/// Unicode path for text that is not ASCII (`isASCII`).
package enum ASCII {
    /// Space, tab, line feed or carriage return.
    @inline(__always)
    package static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// HTML's white space between attributes and in attribute lists: space, tab, line feed, form
    /// feed or carriage return.
    @inline(__always)
    package static func isHTMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// The byte of an upper-case ASCII letter made lower case; any other byte as it is.
    @inline(__always)
    package static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    @inline(__always)
    package static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    @inline(__always)
    package static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte)
    }

    @inline(__always)
    package static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }
}

extension String {
    /// Whether every character is ASCII (then one byte is one character).
    package var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable(ASCII.allASCII) ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension Substring {
    /// Whether every character is ASCII (then one byte is one character).
    package var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable(ASCII.allASCII) ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension ASCII {
    /// Whether every byte is ASCII. On the bytes in place: a check through `StringProtocol`
    /// from another module is not specialised, and cost a call per byte.
    package static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }
}
