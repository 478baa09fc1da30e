import CLibXML2

/// An SVG image in content (a bundle's or `static/`) checked as theme icons are for anything
/// active or outside: no script or embedded document, no event attribute, no reference to
/// another file or site (a `#fragment` in the same file and embedded `data:image/…` are fine).
/// Ids, classes and styles are allowed: the file is shown as an image, not merged into a page.
public enum SVGContentImage {
    static let forbiddenElements: Set<String> = ["script", "foreignObject", "iframe", "object", "embed", "handler", "listener"]
    static let referenceAttributes: Set<String> = ["href", "src"]

    /// The first problem in `text`, or nil when it may be published as it is.
    public static func problem(in text: String) -> SVGIconError? {
        _ = LibXML.initialised
        if text.contains("<!DOCTYPE") || text.contains("<!ENTITY") {
            return SVGIconError(line: 1, message: "an SVG image may not declare a DOCTYPE or entities")
        }
        guard let document = LibXML.readXML(text) else {
            let error = xmlGetLastError()
            let line = error.map { Int($0.pointee.line) } ?? 1
            xmlResetLastError()
            return SVGIconError(line: max(1, line), message: "the SVG is not well-formed XML")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), LibXML.string(root.pointee.name) == "svg" else {
            return SVGIconError(line: 1, message: "the root element must be <svg>")
        }
        return check(root, document: document)
    }

    private static func check(_ element: xmlNodePtr, document: xmlDocPtr) -> SVGIconError? {
        let line = Int(xmlGetLineNo(element))
        let name = LibXML.string(element.pointee.name) ?? ""
        if forbiddenElements.contains(name) {
            return SVGIconError(line: line, message: "<\(name)> is not allowed in an SVG image")
        }
        if name == "style", let css = content(of: element), let reference = outsideReference(inCSS: css) {
            return SVGIconError(line: line, message: "outside reference '\(reference)' is not allowed in an SVG image")
        }
        var attribute = element.pointee.properties
        while let property = attribute {
            let attributeName = LibXML.string(property.pointee.name) ?? ""
            let value = value(of: property, document: document) ?? ""
            if attributeName.lowercased().hasPrefix("on") {
                return SVGIconError(line: line, message: "event attribute '\(attributeName)' is not allowed in an SVG image")
            }
            if referenceAttributes.contains(attributeName), !isInside(value) {
                return SVGIconError(line: line, message: "outside reference '\(value)' is not allowed in an SVG image")
            }
            if attributeName == "style", let reference = outsideReference(inCSS: value) {
                return SVGIconError(line: line, message: "outside reference '\(reference)' is not allowed in an SVG image")
            }
            attribute = property.pointee.next
        }
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, let problem = check(node, document: document) { return problem }
            child = node.pointee.next
        }
        return nil
    }

    /// A reference within the file, or an image embedded in it.
    static func isInside(_ value: String) -> Bool {
        let trimmed = value.trimming(where: \.isWhitespace).lowercased()
        return trimmed.hasPrefix("#") || ["png", "jpeg", "jpg", "webp", "gif"].contains { trimmed.hasPrefix("data:image/\($0);") || trimmed.hasPrefix("data:image/\($0),") }
    }

    /// The first `url(…)` or `@import` in CSS that leaves the file.
    static func outsideReference(inCSS css: String) -> String? {
        if css.lowercased().contains("@import") { return "@import" }
        var rest = Substring(css)
        while let start = rest.range(of: "url(") {
            let after = rest[start.upperBound...]
            let end = after.firstIndex(of: ")") ?? after.endIndex
            let target = after[..<end].trimming(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" })
            if !isInside(String(target)) { return "url(\(target))" }
            rest = after[end...]
        }
        return nil
    }

    private static func value(of property: xmlAttrPtr, document: xmlDocPtr) -> String? {
        guard let text = xmlNodeListGetString(document, property.pointee.children, 1) else { return nil }
        defer { LibXML.free(text) }
        return String(cString: text)
    }

    private static func content(of node: xmlNodePtr) -> String? {
        guard let text = xmlNodeGetContent(node) else { return nil }
        defer { LibXML.free(text) }
        return String(cString: text)
    }
}

private extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var index = startIndex
        while index != endIndex {
            if self[index] == first, self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
