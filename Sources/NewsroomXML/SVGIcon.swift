import CLibXML2
import NewsroomText

/// A theme icon read with libxml2 and checked: well-formed SVG with a viewBox and nothing active.
public struct SVGIcon: Sendable, Equatable {
    public var viewBox: String
    /// The root's presentation attributes (`fill`, `stroke`, …) as `name="value"` pairs.
    public var presentation: [(String, String)]
    /// The children of `<svg>`, serialised.
    public var innerMarkup: String

    public static func == (lhs: SVGIcon, rhs: SVGIcon) -> Bool {
        lhs.viewBox == rhs.viewBox && lhs.innerMarkup == rhs.innerMarkup
            && lhs.presentation.map { $0.0 + "=" + $0.1 } == rhs.presentation.map { $0.0 + "=" + $0.1 }
    }

    static let presentationAttributes: Set<String> = [
        "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "fill-rule", "clip-rule",
    ]
    static let forbiddenElements: Set<String> = ["script", "foreignObject", "iframe", "object", "embed", "image", "style"]

    /// Parses `text`; the error says what is wrong in words an author can act on.
    public static func parse(_ text: String) -> Result<SVGIcon, SVGIconError> {
        _ = LibXML.initialised
        if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
            return .failure(SVGIconError(line: 1, message: "an icon may not declare a DOCTYPE or entities"))
        }
        guard let document = LibXML.readXML(text) else {
            let error = xmlGetLastError()
            let line = error.map { Int($0.pointee.line) } ?? 1
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } }.map { String($0.trimming(where: \.isWhitespace)) } ?? "not well-formed"
            xmlResetLastError()
            return .failure(SVGIconError(line: max(1, line), message: "not well-formed XML: \(message)"))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), LibXML.string(root.pointee.name) == "svg" else {
            return .failure(SVGIconError(line: 1, message: "the root element must be <svg>"))
        }
        if let problem = activeContent(below: root) {
            return .failure(problem)
        }
        guard let viewBox = attribute("viewBox", of: root), !viewBox.isEmpty else {
            return .failure(SVGIconError(line: Int(xmlGetLineNo(root)), message: "the <svg> has no viewBox"))
        }
        var presentation: [(String, String)] = []
        var attribute = root.pointee.properties
        while let current = attribute {
            if let name = LibXML.string(current.pointee.name), presentationAttributes.contains(name),
               let value = Self.attribute(name, of: root) {
                presentation.append((name, value))
            }
            attribute = current.pointee.next
        }
        return .success(SVGIcon(viewBox: viewBox, presentation: presentation, innerMarkup: serialiseChildren(of: root, in: document)))
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        LibXML.attribute(name, of: node)
    }

    /// The first script, event attribute or outside reference in the tree.
    private static func activeContent(below node: xmlNodePtr) -> SVGIconError? {
        var current: xmlNodePtr? = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE {
                let line = Int(xmlGetLineNo(element))
                let name = LibXML.string(element.pointee.name) ?? ""
                if forbiddenElements.contains(name) {
                    return SVGIconError(line: line, message: "<\(name)> is not allowed in an icon")
                }
                var attribute = element.pointee.properties
                while let property = attribute {
                    let attributeName = LibXML.string(property.pointee.name) ?? ""
                    if attributeName.lowercased().hasPrefix("on") {
                        return SVGIconError(line: line, message: "event attribute '\(attributeName)' is not allowed in an icon")
                    }
                    if attributeName == "href" || attributeName == "src",
                       let value = Self.attribute(attributeName, of: element), !value.hasPrefix("#") {
                        return SVGIconError(line: line, message: "outside reference '\(value)' is not allowed in an icon")
                    }
                    if attributeName == "style" || attributeName == "id" {
                        return SVGIconError(line: line, message: "'\(attributeName)' attributes are not allowed in an icon (ids would clash in the sprite)")
                    }
                    attribute = property.pointee.next
                }
                if let problem = activeContent(below: element.pointee.children) {
                    return problem
                }
            }
            current = element == node ? nil : element.pointee.next
        }
        return nil
    }

    private static func activeContent(below first: xmlNodePtr?) -> SVGIconError? {
        var child = first
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, let problem = activeContent(below: node) as SVGIconError? {
                return problem
            }
            child = node.pointee.next
        }
        return nil
    }

    private static func serialiseChildren(of root: xmlNodePtr, in document: xmlDocPtr) -> String {
        var markup = ""
        var child = root.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, let buffer = xmlBufferCreate() {
                xmlNodeDump(buffer, document, node, 0, 0)
                if let content = xmlBufferContent(buffer) {
                    markup += String(cString: content)
                }
                xmlBufferFree(buffer)
            }
            child = node.pointee.next
        }
        // Children inherit the SVG namespace; the sprite's <svg> declares it once.
        return markup.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    }
}

/// Why an icon file was rejected, with the line to look at.
public struct SVGIconError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var output = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            output += rest[..<range.lowerBound]
            output += replacement
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }
}

private extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let needle = Array(target.utf8)
        let utf8 = self.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == needle[0], utf8[index...].starts(with: needle) {
                let end = utf8.index(index, offsetBy: needle.count)
                return index..<end
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}
