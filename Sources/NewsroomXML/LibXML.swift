import CLibXML2

/// libxml2's process-wide set-up, done once before any parse.
enum LibXML {
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses an XML document from memory (no network, no error printing); nil if not well-formed.
    static func readXML(_ text: String) -> xmlDocPtr? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        return withBytes(of: text) { xmlReadMemory($0, $1, "document.xml", "UTF-8", options) }
    }

    /// Parses an HTML document from memory, forgiving as browsers are.
    static func readHTML(_ text: String) -> htmlDocPtr? {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        return withBytes(of: text) { htmlReadMemory($0, $1, "page.html", "UTF-8", options) }
    }

    /// `text`'s UTF-8 bytes as libxml2's parsers take them, after the one-time set-up.
    private static func withBytes<Result>(of text: String, _ parse: (UnsafePointer<CChar>, Int32) -> Result) -> Result {
        _ = initialised
        func parsing(_ buffer: UnsafeBufferPointer<UInt8>) -> Result {
            guard let start = buffer.baseAddress else { return withUnsafePointer(to: CChar(0)) { parse($0, 0) } }
            return start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { parse($0, Int32(buffer.count)) }
        }
        var text = text
        return text.withUTF8(parsing)
    }

    /// An attribute's value, freed properly.
    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Frees a string libxml2 allocated (Swift 6 cannot call the C global `xmlFree` itself).
    static func free(_ pointer: UnsafeMutablePointer<xmlChar>?) {
        newsroom_xml_free(pointer)
    }
}
