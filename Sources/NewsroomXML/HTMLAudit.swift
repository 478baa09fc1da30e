import CLibXML2

/// What an accessibility and link check needs from a page, read with libxml2's HTML parser.
public struct HTMLAudit: Sendable {
    public struct Reference: Sendable, Equatable {
        public var element: String
        public var attribute: String
        public var value: String
        public var line: Int
    }

    public struct Finding: Sendable, Equatable {
        public var line: Int
        public var message: String
        /// The URL of the image or link the finding is about, if it is about one.
        public var url: String?
        /// The `id` of the element the finding is about (a heading), if it has one.
        public var elementID: String? = nil
    }

    /// Problems found within the page itself.
    public var findings: [Finding] = []
    /// Every link-like reference (`a[href]`, `img[src]`, `link[href]`, `use[href]` …) with its line.
    public var references: [HTMLAudit.Reference] = []
    public var ids: Set<String> = []
    /// The page asks search engines not to list it (`<meta name="robots" content="noindex">`).
    public var noindex = false
    /// A redirect page (`<meta http-equiv="refresh">`): it has no content, so page rules
    /// (one `<h1>`) do not apply to it.
    public var isRedirect = false

    public static func read(_ html: String) -> HTMLAudit {
        var audit = HTMLAudit()
        guard let document = LibXML.readHTML(html) else {
            audit.findings.append(Finding(line: 1, message: "the page could not be parsed as HTML", url: nil))
            return audit
        }
        defer { xmlFreeDoc(document) }
        let root = xmlDocGetRootElement(document)
        if let root, (attribute("lang", of: root) ?? "").isEmpty {
            audit.findings.append(Finding(line: Int(xmlGetLineNo(root)), message: "the <html> element has no lang attribute", url: nil))
        }
        var walker = Walker()
        walker.walk(root)
        audit.references = walker.references
        audit.ids = Set(walker.ids.map(\.0))
        audit.noindex = walker.noindex
        audit.isRedirect = walker.isRedirect
        var seen = Set<String>()
        for (id, line) in walker.ids where !seen.insert(id).inserted {
            audit.findings.append(Finding(line: line, message: "duplicate id '\(id)'", url: nil, elementID: id))
        }
        let h1s = walker.headings.filter { $0.level == 1 }
        if h1s.count != 1 {
            audit.findings.append(Finding(line: h1s.dropFirst().first?.line ?? 1, message: "the page has \(h1s.count) <h1> elements; it should have exactly one", url: nil, elementID: h1s.dropFirst().first?.id))
        }
        var previous = 0
        for heading in walker.headings {
            if previous > 0, heading.level > previous + 1 {
                audit.findings.append(Finding(line: heading.line, message: "heading level skipped: <h\(heading.level)> after <h\(previous)>", url: nil, elementID: heading.id))
            }
            previous = heading.level
        }
        audit.findings += walker.findings
        return audit
    }

    private struct Walker {
        var references: [HTMLAudit.Reference] = []
        var ids: [(String, Int)] = []
        var headings: [(level: Int, line: Int, id: String?)] = []
        var findings: [Finding] = []
        var noindex = false
        var isRedirect = false

        static let linkAttributes: [String: [String]] = [
            "a": ["href"], "link": ["href"], "img": ["src"], "script": ["src"], "use": ["href"],
            "source": ["src"], "iframe": ["src"], "form": ["action"],
        ]

        mutating func walk(_ first: xmlNodePtr?) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_ELEMENT_NODE {
                    visit(current)
                    walk(current.pointee.children)
                }
                node = current.pointee.next
            }
        }

        mutating func visit(_ element: xmlNodePtr) {
            let name = LibXML.string(element.pointee.name) ?? ""
            let line = Int(xmlGetLineNo(element))
            if let id = HTMLAudit.attribute("id", of: element) { ids.append((id, line)) }
            for attributeName in Self.linkAttributes[name] ?? [] {
                if let value = HTMLAudit.attribute(attributeName, of: element) {
                    references.append(HTMLAudit.Reference(element: name, attribute: attributeName, value: value, line: line))
                }
            }
            if name.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()), (1...6).contains(level) {
                headings.append((level, line, HTMLAudit.attribute("id", of: element)))
            }
            if name == "meta", HTMLAudit.attribute("name", of: element)?.lowercased() == "robots",
               HTMLAudit.attribute("content", of: element)?.lowercased().contains("noindex") == true {
                noindex = true
            }
            if name == "meta", HTMLAudit.attribute("http-equiv", of: element)?.lowercased() == "refresh" {
                isRedirect = true
            }
            if name == "img", let problem = AltText.problem(alt: HTMLAudit.attribute("alt", of: element)) {
                let source = HTMLAudit.attribute("src", of: element)
                findings.append(Finding(line: line, message: "\(problem) (\(source ?? "?"))", url: source))
            }
            if name == "a", let href = HTMLAudit.attribute("href", of: element), !HTMLAudit.hasAccessibleName(element) {
                findings.append(Finding(line: line, message: "link without text (\(href))", url: href))
            }
        }
    }

    /// Text, an aria-label, or an image with alt text inside.
    static func hasAccessibleName(_ element: xmlNodePtr) -> Bool {
        if let label = attribute("aria-label", of: element), !label.allSatisfy(\.isWhitespace) { return true }
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE, !(LibXML.string(node.pointee.content) ?? "").allSatisfy(\.isWhitespace) {
                return true
            }
            if node.pointee.type == XML_ELEMENT_NODE {
                let name = LibXML.string(node.pointee.name) ?? ""
                if name == "img", !(attribute("alt", of: node) ?? "").isEmpty { return true }
                if hasAccessibleName(node) { return true }
            }
            child = node.pointee.next
        }
        return false
    }

    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        LibXML.attribute(name, of: node)
    }
}
