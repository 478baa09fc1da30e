import CArena
import CCmarkGFM
import Foundation
import NewsroomText

/// One parsed cmark-gfm document; frees itself. Only `cmark_parser_finish` (and attaching the
/// extensions) runs inside `CmarkSession.withLock`.
struct CmarkDocument {
    private static let options: Int32 = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Marks a heading's first text so its rendered tag can be found again; never in author text.
    static let headingMarkStart: Character = "\u{E000}"
    static let headingMarkEnd: Character = "\u{E001}"

    let source: String
    /// Template code of other generators in `source`, in source order (see `TemplateCodeShield`).
    private let templateCode: [TemplateCodeScanner.Found]
    /// The bytes cmark reads: `source`, with template code shielded.
    private let parsedBytes: [UInt8]

    init(source: String) {
        // The private-use marks are ours; an author's copy of them becomes U+FFFD.
        let source = Self.containsMarks(source)
            ? String(source.map { $0 == Self.headingMarkStart || $0 == Self.headingMarkEnd ? "\u{FFFD}" : $0 })
            : source
        var bytes = Array(source.utf8)
        var found = TemplateCodeScanner.find(in: bytes)
        if !found.isEmpty, bytes.contains(where: TemplateCodeShield.isStandIn) {
            bytes = TemplateCodeShield.sanitized(bytes)
            found = TemplateCodeScanner.find(in: bytes)
        }
        self.source = found.isEmpty ? source : String(decoding: bytes, as: UTF8.self)
        templateCode = found
        if !found.isEmpty { TemplateCodeShield.shield(&bytes, found) }
        parsedBytes = bytes
    }

    /// Whether `text` holds U+E000 or U+E001 (UTF-8 `EE 80 80` / `EE 80 81`), found with memchr.
    static func containsMarks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var from = 0
            while let found = UTF8Search.firstIndex(of: [0xEE, 0x80], in: bytes, from: from) {
                if found + 2 < bytes.count, bytes[found + 2] == 0x80 || bytes[found + 2] == 0x81 { return true }
                from = found + 1
            }
            return false
        }
    }

    func render(
        allowingRawHTML: Bool,
        findingFirstParagraph: Bool = true,
        resolve: (MarkdownReference) -> LinkResolution,
        rewriteRawHTML: (MarkdownRawHTML) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        // Everything cmark-gfm allocates for this document comes from the thread's arena and
        // goes back when the document is done (see `CmarkSession.arena`).
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        guard let parser = cmark_parser_new_with_mem(Self.options, CmarkSession.shared.arena) else {
            return RenderedMarkdown(htmlBytes: [], headings: [], firstParagraph: nil, anchors: [], templateCode: [])
        }
        defer { cmark_parser_free(parser) }
        CmarkSession.shared.withLock {
            for syntax in CmarkSession.shared.extensions {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = parsedBytes
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = CmarkSession.shared.withLock({ cmark_parser_finish(parser) }) else {
            return RenderedMarkdown(htmlBytes: [], headings: [], firstParagraph: nil, anchors: [], templateCode: [])
        }
        // No cmark_node_free: every node is arena memory, given back with the arena below.

        // One walk sorts out the nodes each step needs. Raw HTML is replaced first (its nodes are
        // freed, so they are not kept); links and headings are never among the nodes replaced.
        var walk = CmarkTree.Walk(document, trackingRawAnchors: allowingRawHTML)
        // Read before raw HTML is replaced: its replacements carry no source position.
        let templateCodeInCode = templateCode.isEmpty ? [] : CmarkTree.templateCodeInCode(document, found: templateCode)
        if !allowingRawHTML, !walk.rawHTML.isEmpty {
            CmarkTree.escapeRawHTML(in: walk.rawHTML)
            walk.rawHTML = []
        }
        CmarkTree.unwrap(walk.linksInsideRawAnchors)
        rewrite(walk.rawHTML, with: rewriteRawHTML)
        resolveReferences(in: walk.references, resolve: resolve)
        let firstParagraph = findingFirstParagraph ? CmarkTree.firstParagraphText(of: document) : nil
        let headings = CmarkTree.markHeadings(in: walk.headings)

        let extensions = cmark_parser_get_syntax_extensions(parser)
        // The HTML is arena memory too: never handed to free(3).
        guard let rendered = cmark_render_html_with_mem(document, Self.options, extensions, CmarkSession.shared.arena) else {
            return RenderedMarkdown(htmlBytes: [], headings: [], firstParagraph: firstParagraph, anchors: [], templateCode: [])
        }
        // The heading ids go in on cmark's bytes, copied once out of the arena; the HTML stays
        // bytes (made a String, it was validated again, a page at a time).
        let renderedBytes = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        var html = HeadingAnchors.insert(headings, into: renderedBytes)
        if html.withUnsafeBufferPointer({ UTF8Search.firstIndex(of: Self.footnotes, in: $0) != nil }) {
            html = UTF8Search.replacing(Self.footnotes, with: Array("<section class=\"footnotes\" data-footnotes aria-label=\"Notes\">".utf8), in: html)
        }
        if !templateCode.isEmpty { html = TemplateCodeShield.restoringHTML(html) }
        let written = templateCode.isEmpty ? [] : Array(source.utf8)
        return RenderedMarkdown(
            htmlBytes: html,
            headings: headings,
            firstParagraph: firstParagraph,
            anchors: HeadingAnchors.ids(in: html),
            templateCode: templateCode.indices.filter { !templateCodeInCode.contains($0) }.map { index in
                let found = templateCode[index]
                return TemplateCode(kind: found.kind, text: String(decoding: written[found.range], as: UTF8.self), line: found.line, column: found.column)
            }
        )
    }

    private static let footnotes = UTF8Search.Needle("<section class=\"footnotes\" data-footnotes>")

    /// Gives each raw HTML node to `rewrite` with where it is written; a non-nil answer replaces its text.
    private func rewrite(_ nodes: [OpaquePointer], with rewrite: (MarkdownRawHTML) -> String?) {
        for node in nodes {
            let literal = CmarkTree.literal(of: node)
            let (line, column) = CmarkTree.position(of: node)
            let raw: MarkdownRawHTML
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                // A block's literal keeps the indent of its first line, which its start column
                // counts; later lines start where the block's container puts its content.
                let indent = literal.utf8.prefix { $0 == 0x20 }.count
                raw = MarkdownRawHTML(literal: literal, isBlock: true, line: line, column: column - indent, continuationColumn: column - indent)
            } else {
                let block = cmark_node_parent(node).map { CmarkTree.position(of: $0).1 } ?? 1
                raw = MarkdownRawHTML(literal: literal, isBlock: false, line: line, column: column, continuationColumn: block)
            }
            if let replacement = rewrite(raw) {
                cmark_node_set_literal(node, replacement)
            }
        }
    }

    private func resolveReferences(in nodes: [OpaquePointer], resolve: (MarkdownReference) -> LinkResolution) {
        // A reference link's destination is written on its `[label]: url` line; only a
        // document with a `]:` can have one.
        let definitions = source.contains("]:") ? ReferenceDefinitions(source: source) : nil
        for node in nodes {
            let type = cmark_node_get_type(node)
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            var (line, column) = CmarkTree.position(of: node)
            if let definitions, cmark_node_get_start_line(node) > 0,
               let definition = definitions.definition(
                   ofLinkFrom: (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))),
                   to: (Int(cmark_node_get_end_line(node)), Int(cmark_node_get_end_column(node)))
               ) {
                (line, column) = definition
            }
            let reference = MarkdownReference(
                destination: url,
                isImage: type == CMARK_NODE_IMAGE,
                line: line,
                column: column
            )
            switch resolve(reference) {
            case .keep:
                break
            case .replace(let destination):
                cmark_node_set_url(node, destination)
            case .drop:
                cmark_node_set_url(node, "")
            }
        }
    }
}
