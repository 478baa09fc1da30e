import CLibXML2

/// A thin wrapper over libxml2's text writer: it does the escaping, we say the structure.
package final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    /// The text of the element being written, escaped (see `text(_:)`); kept between elements.
    private var escaped: [UInt8] = []

    package init() {
        _ = LibXML.initialised
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    package func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xmlTextWriterStartElement(writer, name)
        for (key, value) in attributes {
            xmlTextWriterWriteAttribute(writer, key, Self.clean(value))
        }
    }

    /// An attribute on the element just started, before anything is written inside it.
    package func attribute(_ name: String, _ value: String) {
        xmlTextWriterWriteAttribute(writer, name, Self.clean(value))
    }

    package func end() {
        xmlTextWriterEndElement(writer)
    }

    /// `<name attributes>text</name>`
    package func element(_ name: String, _ text: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        start(name, attributes)
        self.text(Self.clean(text))
        end()
    }

    /// `text` inside the element just started, escaped as libxml2's `xmlTextWriterWriteString`
    /// escapes it (`< > & "` and carriage returns as references) and written raw: libxml2
    /// escapes into a new buffer of its own each time, a byte at a time, and the feeds' full
    /// contents are most of what they write.
    private func text(_ text: String) {
        var text = text
        escaped.removeAll(keepingCapacity: true)
        text.withUTF8 { Self.escape($0, into: &escaped) }
        escaped.withUnsafeBufferPointer { bytes in
            // An empty text still closes the start tag (`<a></a>`, not `<a/>`): it needs a
            // pointer, which an empty array may not have.
            guard let base = bytes.baseAddress else { xmlTextWriterWriteRawLen(writer, "", 0); return }
            xmlTextWriterWriteRawLen(writer, base, Int32(bytes.count))
        }
    }

    /// The bytes of `text` with `< > & "` and CR as libxml2's `xmlEncodeSpecialChars` writes
    /// them. Runs of other bytes are copied whole, and are found 8 bytes at a time.
    static func escape(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = text.baseAddress else { return }
        var start = 0, index = 0
        while index < text.count {
            if index + 8 <= text.count, !Word(base + index).holdsEscaped {
                index += 8
                continue
            }
            let end = min(index + 8, text.count)
            while index < end {
                if let replacement = replacement(of: base[index]) {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                    output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    start = index + 1
                }
                index += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
    }

    private static func replacement(of byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "\r"): "&#13;"
        default: nil
        }
    }

    /// `<name attributes/>`
    package func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        start(name, attributes)
        end()
    }

    /// Ends the document and returns its UTF-8 bytes (libxml2 wrote them: no need to check them
    /// again on the way to a file, as making a `String` of them did).
    package func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
    }

    /// Drops characters XML 1.0 cannot hold at all (C0 controls but tab and newlines, U+FFFE/F).
    package static func clean(_ text: String) -> String {
        guard mayHoldForbidden(text), text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return String(scalars)
    }

    /// False when no byte of the text could start a forbidden scalar: a C0 control other than
    /// tab and newlines, or EF (the lead byte of U+FFFE and U+FFFF). Every string of every feed
    /// passes here, and a look at its bytes, 8 at a time, costs far less than decoding its scalars.
    private static func mayHoldForbidden(_ text: String) -> Bool {
        func isSuspect(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index + 8 <= bytes.count {
                if Word(base + index).mayHoldForbidden, bytes[index..<index + 8].contains(where: isSuspect) { return true }
                index += 8
            }
            return bytes[index...].contains(where: isSuspect)
        } ?? true
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

/// Tests on 8 bytes of text at once, read as they lie in memory: a byte equal to `c` is a zero
/// byte of the word xor `c` in every byte, which the borrow of subtracting 1 from each byte
/// shows; a byte below `n` (at most 128) shows the same borrow when `n` is subtracted.
private struct Word {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private let value: UInt64

    @inline(__always)
    init(_ bytes: UnsafePointer<UInt8>) {
        value = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    private static func anyBelow(_ limit: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    @inline(__always)
    private func holds(_ byte: UInt8) -> Bool {
        Self.anyBelow(1, value ^ (Self.ones &* UInt64(byte)))
    }

    /// Whether any byte is one `escape` replaces: `<` and `>` are `>` once bit 1 is set.
    var holdsEscaped: Bool {
        Self.anyBelow(1, (value | Self.ones &* 0x02) ^ (Self.ones &* 0x3E)) || holds(UInt8(ascii: "&")) || holds(UInt8(ascii: "\"")) || holds(0x0D)
    }

    /// Whether any byte is a control character or EF (tabs and newlines included: the bytes
    /// themselves are looked at then).
    var mayHoldForbidden: Bool {
        Self.anyBelow(0x20, value) || holds(0xEF)
    }
}
