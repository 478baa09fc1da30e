import CLibXML2

/// The links and ids of an HTML page, read with libxml2's HTML parser (for checks and tests;
/// the build itself takes links from cmark's tree and never reparses its pages).
public struct HTMLLinks: Sendable, Equatable {
    public struct Reference: Sendable, Equatable {
        public var element: String
        public var attribute: String
        public var value: String
        public var line: Int
    }

    public var references: [Reference] = []
    public var ids: [String] = []

    static let linkAttributes: [String: [String]] = [
        "a": ["href"], "link": ["href"], "img": ["src"], "script": ["src"], "use": ["href"],
        "source": ["src"], "iframe": ["src"], "form": ["action"],
    ]

    public static func read(_ html: String) -> HTMLLinks {
        _ = LibXML.initialised
        var links = HTMLLinks()
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "page.html", "UTF-8", options)
            }
        }) else { return links }
        defer { xmlFreeDoc(document) }
        links.walk(xmlDocGetRootElement(document))
        return links
    }

    private mutating func walk(_ first: xmlNodePtr?) {
        var node = first
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = LibXML.string(current.pointee.name) ?? ""
                if let id = attribute("id", of: current) { ids.append(id) }
                for attributeName in Self.linkAttributes[name] ?? [] {
                    if let value = attribute(attributeName, of: current) {
                        references.append(Reference(element: name, attribute: attributeName, value: value, line: Int(xmlGetLineNo(current))))
                    }
                }
                walk(current.pointee.children)
            }
            node = current.pointee.next
        }
    }

    private func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { LibXML.free(value) }
        return String(cString: value)
    }
}
