import CCmarkGFM
import Foundation
import NewsroomText

/// Walks and edits a cmark-gfm tree (one document per call: safe on several threads at once).
enum CmarkTree {
    /// Every node of the tree in document order (collected first, so edits cannot upset the walk).
    static func nodes(of root: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(node)
            }
        }
        return result
    }

    /// The nodes later steps edit, found in one walk in document order.
    struct Walk {
        var rawHTML: [OpaquePointer] = []
        /// Links and images, but none inside an image: cmark-gfm writes an image's description
        /// as its plain text (its alt), where a link's destination has no place.
        var references: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        /// Links between a raw `<a …>` and its `</a>` in one block (only looked for when raw
        /// HTML is kept): GFM autolinks `t@e.org` inside `<a href="mailto:t@e.org">`, and an
        /// anchor inside an anchor is not HTML.
        var linksInsideRawAnchors: [OpaquePointer] = []

        init(_ root: OpaquePointer, trackingRawAnchors: Bool = false) {
            guard let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator) }
            var openAnchors = 0
            // The outermost image being walked, if any.
            var image: OpaquePointer?
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                guard event == CMARK_EVENT_ENTER else {
                    if node == image { image = nil }
                    continue
                }
                let type = cmark_node_get_type(node)
                if CmarkTree.isBlock(type) { openAnchors = 0 }
                switch type {
                case CMARK_NODE_LINK where image != nil, CMARK_NODE_IMAGE where image != nil: break
                case CMARK_NODE_IMAGE:
                    references.append(node)
                    image = node
                case CMARK_NODE_HTML_INLINE:
                    rawHTML.append(node)
                    if trackingRawAnchors { openAnchors = max(0, openAnchors + CmarkTree.anchorChange(of: node)) }
                case CMARK_NODE_HTML_BLOCK: rawHTML.append(node)
                case CMARK_NODE_LINK where openAnchors > 0: linksInsideRawAnchors.append(node)
                case CMARK_NODE_LINK: references.append(node)
                case CMARK_NODE_HEADING: headings.append(node)
                default: break
                }
            }
        }
    }

    /// cmark-gfm marks a node type as a block or an inline in its two high bits
    /// (`CMARK_NODE_TYPE_MASK`, a macro Swift does not import).
    static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & 0xC000 == 0x8000
    }

    /// +1 for an inline raw `<a …>`, -1 for `</a>`, 0 for any other tag.
    static func anchorChange(of node: OpaquePointer) -> Int {
        let bytes = Array(literal(of: node).utf8.prefix(4))
        func isA(_ index: Int) -> Bool {
            index < bytes.count && (bytes[index] == UInt8(ascii: "a") || bytes[index] == UInt8(ascii: "A"))
                && (index + 1 == bytes.count || [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index + 1]))
        }
        guard bytes.first == UInt8(ascii: "<") else { return 0 }
        if isA(1) { return 1 }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/"), isA(2) { return -1 }
        return 0
    }

    /// Puts each link's children in its place: its text stays, the anchor goes.
    static func unwrap(_ links: [OpaquePointer]) {
        for link in links {
            while let child = cmark_node_first_child(link) {
                cmark_node_insert_before(link, child)
            }
            cmark_node_unlink(link)
            cmark_node_free(link)
        }
    }

    /// The node's 1-based line and column; inline nodes without a position borrow their block's.
    static func position(of node: OpaquePointer) -> (Int, Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                return (line, max(1, Int(cmark_node_get_start_column(candidate))))
            }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }

    /// Turns raw HTML blocks and inlines into text, so they are shown escaped.
    static func escapeRawHTML(in nodes: [OpaquePointer]) {
        for node in nodes {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_INLINE {
                replace(node, with: textNode(literal(of: node)))
            } else if type == CMARK_NODE_HTML_BLOCK {
                let paragraph = newNode(CMARK_NODE_PARAGRAPH)
                var text = literal(of: node)
                while text.hasSuffix("\n") { text.removeLast() }
                cmark_node_append_child(paragraph, textNode(text))
                replace(node, with: paragraph)
            }
        }
    }

    /// The first top-level paragraph as plain text.
    static func firstParagraphText(of document: OpaquePointer) -> String? {
        var child = cmark_node_first_child(document)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                let text = plainText(of: node)
                if !text.isEmpty { return text }
            }
            child = cmark_node_next(node)
        }
        return nil
    }

    /// Replaces the press-release end mark (`###` alone) and tags every other heading with a
    /// private-use mark so `HeadingAnchors` can give it its id after rendering.
    static func markHeadings(in nodes: [OpaquePointer]) -> [MarkdownHeading] {
        var headings: [MarkdownHeading] = []
        headings.reserveCapacity(nodes.count)
        var usedIDs = UsedHeadingIDs(minimumCapacity: nodes.count)
        for node in nodes {
            let level = Int(cmark_node_get_heading_level(node))
            if level == 3, cmark_node_first_child(node) == nil {
                let mark = newNode(CMARK_NODE_HTML_BLOCK)
                cmark_node_set_literal(mark, "<p class=\"end-mark\">###</p>\n")
                replace(node, with: mark)
                continue
            }
            let text = plainText(of: node)
            let id = HeadingAnchors.uniqueID(for: text, used: &usedIDs)
            let (line, column) = position(of: node)
            let marker = headingMark(headings.count)
            if let first = cmark_node_first_child(node) {
                cmark_node_insert_before(first, marker)
            } else {
                cmark_node_append_child(node, marker)
            }
            headings.append(MarkdownHeading(level: level, text: text, id: id, line: line, column: column))
        }
        return headings
    }

    /// The node's text as the author wrote it (template code given back: see
    /// `TemplateCodeShield`), without ASCII white space at either end.
    static func plainText(of node: OpaquePointer) -> String {
        var text: [UInt8] = []
        appendShieldedText(of: node, to: &text)
        text = TemplateCodeShield.restoringPlain(text)
        guard let first = text.firstIndex(where: { !ASCII.isSpace($0) }), let last = text.lastIndex(where: { !ASCII.isSpace($0) }) else { return "" }
        return String(decoding: text[first...last], as: UTF8.self)
    }

    /// The text of `node`'s descendants in document order, as bytes: a heading's or a
    /// paragraph's few leaves, read without an iterator or a String per leaf.
    private static func appendShieldedText(of node: OpaquePointer, to text: inout [UInt8]) {
        var child = cmark_node_first_child(node)
        while let inner = child {
            let type = cmark_node_get_type(inner)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE {
                if let literal = cmark_node_get_literal(inner) {
                    text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text.append(UInt8(ascii: " "))
            } else {
                appendShieldedText(of: inner, to: &text)
            }
            child = cmark_node_next(inner)
        }
    }

    static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// A node from the document's allocator: cmark-gfm links only nodes of one allocator.
    private static func newNode(_ type: cmark_node_type) -> OpaquePointer {
        cmark_node_new_with_mem(type, CmarkSession.shared.arena)!
    }

    private static func textNode(_ literal: String) -> OpaquePointer {
        let node = newNode(CMARK_NODE_TEXT)
        // withCString: a short literal (a heading's mark) is copied on the stack, not the heap.
        literal.withCString { _ = cmark_node_set_literal(node, $0) }
        return node
    }

    /// A text node holding `CmarkDocument.headingMarkStart`, `index` and
    /// `CmarkDocument.headingMarkEnd`, written as bytes on the stack: a String made for each
    /// heading cost more than the node.
    private static func headingMark(_ index: Int) -> OpaquePointer {
        let node = newNode(CMARK_NODE_TEXT)
        StackCString.with({ mark in
            mark.append(headingMarkStart)
            mark.append(decimal: index)
            mark.append(headingMarkEnd)
        }) { _ = cmark_node_set_literal(node, $0) }
        return node
    }

    private static let headingMarkStart = Array(String(CmarkDocument.headingMarkStart).utf8)
    private static let headingMarkEnd = Array(String(CmarkDocument.headingMarkEnd).utf8)

    private static func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        cmark_node_insert_before(node, replacement)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
