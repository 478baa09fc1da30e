import CLibXML2

/// A read-only XML element tree, parsed with libxml2 (to read feeds and sitemaps back).
public struct XMLElement: Sendable, Equatable {
    /// The element name with its namespace prefix as written (`atom:link`).
    public var name: String
    public var attributes: [String: String]
    /// The concatenated text and CDATA directly inside the element.
    public var text: String
    public var children: [XMLElement]

    /// Parses `xml`; nil when it is not well-formed.
    public static func parse(_ xml: String) -> XMLElement? {
        guard let document = LibXML.readXML(xml) else { return nil }
        defer { xmlFreeDoc(document) }
        return xmlDocGetRootElement(document).map(element)
    }

    static func parse(node: xmlNodePtr) -> XMLElement {
        element(node)
    }

    /// The direct children named `name`.
    public func all(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first direct child named `name`.
    public func first(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    private static func element(_ node: xmlNodePtr) -> XMLElement {
        var name = LibXML.string(node.pointee.name) ?? ""
        if let prefix = node.pointee.ns.flatMap({ LibXML.string($0.pointee.prefix) }) {
            name = prefix + ":" + name
        }
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let current = property {
            if let key = LibXML.string(current.pointee.name), let value = LibXML.attribute(key, of: node) {
                attributes[key] = value
            }
            property = current.pointee.next
        }
        var text = ""
        var children: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += LibXML.string(current.pointee.content) ?? ""
            default: break
            }
            child = current.pointee.next
        }
        return XMLElement(name: name, attributes: attributes, text: text, children: children)
    }
}
