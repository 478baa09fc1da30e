import CCmarkGFM

extension CmarkTree {
    /// The indices of the constructs in `found` that cmark put in code (code spans, fenced and
    /// indented blocks). Each start mark (see `TemplateCodeShield`) is read off the node it
    /// landed in, on its line, and matched to the constructs opening on that line in order:
    /// nodes can move (footnotes go to the end) but a line's own marks stay in order.
    static func templateCodeInCode(_ root: OpaquePointer, found: [TemplateCodeScanner.Found]) -> Set<Int> {
        var waiting: [Int: ArraySlice<Int>] = [:]
        for (index, construct) in found.enumerated() { waiting[construct.line, default: []].append(index) }
        var inCode = Set<Int>()
        for node in nodes(of: root) {
            let type = cmark_node_get_type(node)
            let isCode = type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
            guard isCode || type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK,
                  let literal = cmark_node_get_literal(node)
            else { continue }
            var line = position(of: node).0
            if type == CMARK_NODE_CODE_BLOCK, isFenced(node) { line += 1 }
            var cursor = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
            while cursor.pointee != 0 {
                let byte = cursor.pointee
                if byte == 0x0A {
                    line += 1
                } else if byte == TemplateCodeShield.percentStart || byte == TemplateCodeShield.braceStart,
                          let index = waiting[line]?.popFirst(), isCode {
                    inCode.insert(index)
                }
                cursor += 1
            }
        }
        return inCode
    }

    private static func isFenced(_ node: OpaquePointer) -> Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0
    }
}
