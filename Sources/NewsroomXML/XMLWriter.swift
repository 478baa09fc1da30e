import CLibXML2

/// A thin wrapper over libxml2's text writer: it does the escaping, we say the structure.
package final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

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
        xmlTextWriterWriteString(writer, Self.clean(text))
        end()
    }

    /// `<name attributes/>`
    package func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        start(name, attributes)
        end()
    }

    /// Ends the document and returns it.
    package func finish() -> String {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        return String(cString: xmlBufferContent(buffer))
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
    /// passes here, and a look at its bytes costs far less than decoding its scalars.
    private static func mayHoldForbidden(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF } } ?? true
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
