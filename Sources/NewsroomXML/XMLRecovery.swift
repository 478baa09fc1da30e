import CLibXML2

/// Where an XML document stops being well-formed.
public struct XMLParseProblem: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

extension XMLElement {
    /// Parses `xml` as far as it is well-formed: the tree libxml2 recovers (what came before the
    /// first error, complete) and the place of the last error libxml2 met, so a truncated export still yields
    /// the items before the cut.
    public static func parseRecovering(_ xml: String) -> (root: XMLElement?, problem: XMLParseProblem?) {
        _ = LibXML.initialised
        guard let context = xmlNewParserCtxt() else { return (nil, XMLParseProblem(line: 1, column: 1, message: "out of memory")) }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_HUGE.rawValue)
        let bytes = Array(xml.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), "export.xml", "UTF-8", options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        var problem: XMLParseProblem?
        if context.pointee.wellFormed == 0, let error = xmlCtxtGetLastError(context) {
            let written = error.pointee.message.map { String(cString: $0) } ?? "not well-formed"
            let message = String(written.split(separator: "\n").first ?? "not well-formed")
            problem = XMLParseProblem(line: Int(error.pointee.line), column: Int(error.pointee.int2), message: message)
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            return (nil, problem ?? XMLParseProblem(line: 1, column: 1, message: "no XML document"))
        }
        return (parse(node: root), problem)
    }
}
