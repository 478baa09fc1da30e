import CArena
import CCmarkGFM
import Foundation
import NewsroomText

/// One parsed cmark-gfm document; frees itself. Only `cmark_parser_finish` runs inside
/// `CmarkSession.inlineParsing`.
struct CmarkDocument {
    private static let options: Int32 = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Marks a heading's first text so its rendered tag can be found again; never in author text.
    static let headingMarkStart: Character = "\u{E000}"
    static let headingMarkEnd: Character = "\u{E001}"

    /// The Markdown: a String, or UTF-8 bytes (checked) not made one.
    private enum Text {
        case string(String)
        case utf8(Data)
    }

    private let text: Text
    /// Template code of other generators in `source`, in source order (see `TemplateCodeShield`).
    private let templateCode: [TemplateCodeScanner.Found]
    /// The bytes cmark reads when template code is shielded in them; nil when it reads `source`.
    private let shieldedBytes: [UInt8]?

    /// The Markdown as text, made from the bytes each time it is asked for (only where a body
    /// has reference definitions or template code).
    var source: String {
        switch text {
        case .string(let source): source
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A body's UTF-8 bytes, which must be valid (the caller checked them). Only bytes with
    /// nothing to change before cmark reads them (no private-use marks, no template code) are
    /// kept as they are; others are made the String `init(source:)` works on.
    init(utf8 bytes: Data) {
        let plain = bytes.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return !Self.containsMarks(bytes) && !TemplateCodeScanner.mayHold(bytes)
        }
        guard plain else {
            self.init(source: String(decoding: bytes, as: UTF8.self))
            return
        }
        self.init(text: .utf8(bytes), templateCode: [], shieldedBytes: nil)
    }

    private init(text: Text, templateCode: [TemplateCodeScanner.Found], shieldedBytes: [UInt8]?) {
        self.text = text
        self.templateCode = templateCode
        self.shieldedBytes = shieldedBytes
    }

    init(source: String) {
        // The private-use marks are ours; an author's copy of them becomes U+FFFD.
        var source = Self.containsMarks(source)
            ? String(source.map { $0 == Self.headingMarkStart || $0 == Self.headingMarkEnd ? "\u{FFFD}" : $0 })
            : source
        // Most bodies hold no template code: cmark reads their own bytes, not a copy.
        guard source.withUTF8(TemplateCodeScanner.mayHold) else {
            text = .string(source)
            templateCode = []
            shieldedBytes = nil
            return
        }
        var bytes = Array(source.utf8)
        var found = TemplateCodeScanner.find(in: bytes)
        if !found.isEmpty, bytes.contains(where: TemplateCodeShield.isStandIn) {
            bytes = TemplateCodeShield.sanitized(bytes)
            found = TemplateCodeScanner.find(in: bytes)
        }
        text = .string(found.isEmpty ? source : String(decoding: bytes, as: UTF8.self))
        templateCode = found
        if !found.isEmpty { TemplateCodeShield.shield(&bytes, found) }
        shieldedBytes = found.isEmpty ? nil : bytes
    }

    /// Whether `text` holds U+E000 or U+E001 (UTF-8 `EE 80 80` / `EE 80 81`), found with memchr.
    static func containsMarks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(containsMarks)
    }

    static func containsMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let found = UTF8Search.firstIndex(of: [0xEE, 0x80], in: bytes, from: from) {
            if found + 2 < bytes.count, bytes[found + 2] == 0x80 || bytes[found + 2] == 0x81 { return true }
            from = found + 1
        }
        return false
    }

    /// Parses the document once: its HTML with every link destination and raw HTML node left as
    /// a slot (see `ParsedMarkdown`), its headings, first paragraph (when `firstParagraph`),
    /// ids and template code.
    func parse(allowingRawHTML: Bool, firstParagraph findsFirstParagraph: Bool = true) -> ParsedMarkdown {
        // Most bodies have nothing for the autolink extension to link (their addresses are link
        // destinations): they are parsed without it, sparing its pass over every text node, and
        // again with it when their HTML shows text it could have linked.
        let feed = self.feed()
        return parse(allowingRawHTML: allowingRawHTML, firstParagraph: findsFirstParagraph, autolinks: false, feed: feed)
            ?? parse(allowingRawHTML: allowingRawHTML, firstParagraph: findsFirstParagraph, autolinks: true, feed: feed)
            ?? Self.empty
    }

    private static let empty = ParsedMarkdown(html: [], slots: [], rawHTML: [], references: [], headings: [], firstParagraph: nil, anchors: [], templateCode: [], restoresTemplateCode: false)

    /// How cmark reads this document, the same for a parse with the autolink extension and
    /// without: its options (footnotes only where the bytes may hold some), and the bytes to
    /// read instead of its own where a bracket before an escaped or entity caret would be misread
    /// as a footnote reference.
    private struct Feed {
        var options: Int32
        var repaired: [UInt8]?
    }

    private func feed() -> Feed {
        let options = withFedBytes { Self.mayHoldFootnotes($0) } ? Self.options : Self.options & ~CMARK_OPT_FOOTNOTES
        guard options & CMARK_OPT_FOOTNOTES != 0 else { return Feed(options: options, repaired: nil) }
        // The probe's document is arena memory, given back before the document is parsed.
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        let repaired = withFedBytes { bytes in
            FootnoteCaretRepair.repaired(bytes) { bytes in
                guard let (parser, document) = Self.parsed(bytes, options: options & ~CMARK_OPT_FOOTNOTES) else { return nil }
                cmark_parser_free(parser)
                return document
            }
        }
        return Feed(options: options, repaired: repaired)
    }

    /// `parse` with or without the autolink extension; nil when parsed without it and its HTML
    /// holds `AutolinkText`, which the extension might have linked.
    func parse(allowingRawHTML: Bool, firstParagraph findsFirstParagraph: Bool, autolinks: Bool) -> ParsedMarkdown? {
        parse(allowingRawHTML: allowingRawHTML, firstParagraph: findsFirstParagraph, autolinks: autolinks, feed: feed())
    }

    private func parse(allowingRawHTML: Bool, firstParagraph findsFirstParagraph: Bool, autolinks: Bool, feed: Feed) -> ParsedMarkdown? {
        // Everything cmark-gfm allocates for this document comes from the thread's arena and
        // goes back when the document is done (see `CmarkSession.arena`).
        newsroom_arena_begin()
        defer { newsroom_arena_end() }
        let options = feed.options
        let empty = Self.empty
        let fed = feed.repaired.map { bytes in bytes.withUnsafeBufferPointer { Self.parsed($0, options: options, autolinks: autolinks) } }
            ?? withFedBytes { Self.parsed($0, options: options, autolinks: autolinks) }
        guard let (parser, document) = fed else { return empty }
        defer { cmark_parser_free(parser) }
        // No cmark_node_free: every node is arena memory, given back with the arena below.

        // One walk sorts out the nodes each step needs. Raw HTML is escaped first when it is not
        // allowed (its nodes are freed, so they are not kept); links and headings never are.
        var walk = CmarkTree.Walk(document, trackingRawAnchors: allowingRawHTML)
        // Read before raw HTML is replaced: slots carry no source position.
        let templateCodeInCode = templateCode.isEmpty ? [] : CmarkTree.templateCodeInCode(document, found: templateCode)
        if !allowingRawHTML, !walk.rawHTML.isEmpty {
            CmarkTree.escapeRawHTML(in: walk.rawHTML)
            walk.rawHTML = []
        }
        CmarkTree.unwrap(walk.linksInsideRawAnchors)
        let rawHTML = walk.rawHTML.map(Self.describe)
        let references = self.references(walk.references)
        let firstParagraph = findsFirstParagraph ? CmarkTree.firstParagraphText(of: document) : nil
        let headings = CmarkTree.markHeadings(in: walk.headings)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        let restores = !templateCode.isEmpty

        // Each slot is written as a mark that no author text can take for it: the marks are
        // counted in the HTML, and on a clash (an author who wrote one) another family is tried.
        var family = 0
        var html: [UInt8] = []
        var slots: [ParsedMarkdown.Slot] = []
        while true {
            for (index, node) in walk.rawHTML.enumerated() {
                let endsLine = rawHTML[index].isBlock && rawHTML[index].literal.hasSuffix("\n")
                Self.withSlotMark(family, index, endingLine: endsLine) { _ = cmark_node_set_literal(node, $0) }
            }
            for (index, node) in walk.references.enumerated() {
                Self.withSlotMark(family, rawHTML.count + index) { _ = cmark_node_set_url(node, $0) }
            }
            // The HTML is arena memory too: never handed to free(3).
            guard let rendered = cmark_render_html_with_mem(document, Self.options, extensions, CmarkSession.shared.arena) else { return empty }
            // The heading ids go in on cmark's bytes, copied once out of the arena.
            let renderedBytes = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
            if !autolinks, family == 0, AutolinkText.appears(in: renderedBytes) { return nil }
            html = HeadingAnchors.insert(headings, into: renderedBytes)
            // Only a document parsed with footnotes can have their section.
            if options & CMARK_OPT_FOOTNOTES != 0, html.withUnsafeBufferPointer({ UTF8Search.firstIndex(of: Self.footnotes, in: $0) != nil }) {
                html = UTF8Search.replacing(Self.footnotes, with: Array("<section class=\"footnotes\" data-footnotes aria-label=\"Notes\">".utf8), in: html)
            }
            if restores { html = TemplateCodeShield.restoringHTML(html) }
            if let found = ParsedMarkdown.Slot.find(family, count: rawHTML.count + references.count, in: html) {
                slots = found
                break
            }
            family += 1
        }
        let written = restores ? Array(source.utf8) : []
        var parsed = ParsedMarkdown(
            html: html, slots: slots, rawHTML: rawHTML, references: references,
            headings: headings, firstParagraph: firstParagraph, anchors: [],
            templateCode: templateCode.indices.filter { !templateCodeInCode.contains($0) }.map { index in
                let found = templateCode[index]
                return TemplateCode(kind: found.kind, text: String(decoding: written[found.range], as: UTF8.self), line: found.line, column: found.column)
            },
            restoresTemplateCode: restores
        )
        // Slots hold no ids, except raw HTML, which is read as the author wrote it.
        parsed.anchors = HeadingAnchors.ids(in: rawHTML.isEmpty ? html : parsed.html(rawHTML: rawHTML.map { _ in nil }, links: references.map { _ in .keep }))
        return parsed
    }

    /// A parser with every extension (less autolink unless `autolinks`) that has read `bytes`,
    /// and its document (arena memory, not freed); the caller frees the parser, which renders
    /// the document with its extensions.
    private static func parsed(_ bytes: UnsafeBufferPointer<UInt8>, options: Int32, autolinks: Bool = true) -> (parser: OpaquePointer, document: OpaquePointer)? {
        guard let parser = cmark_parser_new_with_mem(options, CmarkSession.shared.arena) else { return nil }
        for syntax in autolinks ? CmarkSession.shared.extensions : CmarkSession.shared.extensionsWithoutAutolink {
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        if let base = bytes.baseAddress {
            cmark_parser_feed(parser, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), bytes.count)
        }
        guard let document = CmarkSession.shared.inlineParsing({ cmark_parser_finish(parser) }) else {
            cmark_parser_free(parser)
            return nil
        }
        return (parser, document)
    }

    /// Runs `body` on the bytes cmark reads: the shielded copy, or the source's own.
    private func withFedBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let shieldedBytes { return shieldedBytes.withUnsafeBufferPointer(body) }
        return withSourceBytes(body)
    }

    /// Runs `body` on the source's UTF-8 bytes.
    private func withSourceBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        switch text {
        case .string(var source): return source.withUTF8(body)
        case .utf8(let bytes): return bytes.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
        }
    }

    /// Whether `bytes` may hold a footnote: its definition and its reference both start `[^`,
    /// and the `^` is written as itself, escaped or as an entity (`&#94;`). A document with
    /// neither byte is parsed without `CMARK_OPT_FOOTNOTES`, which then changes nothing but
    /// spares cmark-gfm's footnote pass (two walks of the whole tree); it is still rendered
    /// with it.
    static func mayHoldFootnotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(UInt8(ascii: "^")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil
    }

    /// `%EE%80%82` (U+E002 as cmark writes it into an `href`) family `s` slot number, then U+E003:
    /// kept byte for byte by cmark's URL escaping and by raw HTML.
    static func slotMark(_ family: Int, _ index: Int) -> String {
        withSlotMark(family, index) { String(cString: $0) }
    }

    private static let slotOpen = Array(ParsedMarkdown.Slot.openMark.utf8)
    private static let slotClose = Array(ParsedMarkdown.Slot.closeMark.utf8)

    /// `slotMark` (then a line break when `endingLine`) as a C string on the stack, for
    /// `body`: a String made and copied for each link cost more than setting it.
    private static func withSlotMark<T>(_ family: Int, _ index: Int, endingLine: Bool = false, _ body: (UnsafePointer<CChar>) -> T) -> T {
        StackCString.with({ mark in
            mark.append(slotOpen)
            mark.append(decimal: family)
            mark.append(UInt8(ascii: "s"))
            mark.append(decimal: index)
            mark.append(slotClose)
            if endingLine { mark.append(0x0A) }
        }, body)
    }

    private static let footnotes = Array("<section class=\"footnotes\" data-footnotes>".utf8)

    /// A raw HTML node with where it is written.
    private static func describe(_ node: OpaquePointer) -> MarkdownRawHTML {
        let literal = CmarkTree.literal(of: node)
        let (line, column) = CmarkTree.position(of: node)
        if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
            // A block's literal keeps the indent of its first line, which its start column
            // counts; later lines start where the block's container puts its content.
            let indent = literal.utf8.prefix { $0 == 0x20 }.count
            return MarkdownRawHTML(literal: literal, isBlock: true, line: line, column: column - indent, continuationColumn: column - indent)
        }
        let block = cmark_node_parent(node).map { CmarkTree.position(of: $0).1 } ?? 1
        return MarkdownRawHTML(literal: literal, isBlock: false, line: line, column: column, continuationColumn: block)
    }

    /// What every reference definition holds (`[label]: url`), searched by byte: Foundation's
    /// `contains` on a String goes through UTF-16 for a whole body.
    private static let definitionMark: [UInt8] = Array("]:".utf8)

    /// Each link and image with its destination and where it is written.
    private func references(_ nodes: [OpaquePointer]) -> [MarkdownReference] {
        // A reference link's destination is written on its `[label]: url` line; only a
        // document with a `]:` can have one.
        let hasDefinitions = withSourceBytes { UTF8Search.firstIndex(of: Self.definitionMark, in: $0) != nil }
        let definitions = hasDefinitions ? ReferenceDefinitions(source: source) : nil
        return nodes.map { node in
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            var (line, column) = CmarkTree.position(of: node)
            if let definitions, cmark_node_get_start_line(node) > 0,
               let definition = definitions.definition(
                   ofLinkFrom: (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node))),
                   to: (Int(cmark_node_get_end_line(node)), Int(cmark_node_get_end_column(node)))
               ) {
                (line, column) = definition
            }
            return MarkdownReference(destination: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE, line: line, column: column)
        }
    }
}
