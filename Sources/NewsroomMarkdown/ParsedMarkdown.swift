import NewsroomText

/// A Markdown document parsed once, its HTML written for any page: each link or image
/// destination and each raw HTML node is a slot that `html(rawHTML:links:)` fills for one use
/// (relative links for the page, absolute ones for a feed), without parsing again.
public struct ParsedMarkdown: Sendable {
    /// The HTML with every slot's mark in place (template code already given back).
    var html: [UInt8]
    /// Where each slot's mark is in `html`, in the order they appear.
    var slots: [Slot]
    /// Raw HTML nodes in document order, as written (empty when raw HTML is not allowed: it
    /// is then shown as text).
    public var rawHTML: [MarkdownRawHTML]
    /// Links and images in document order, with their destinations as written.
    public var references: [MarkdownReference]
    /// Headings in document order, with the ids written into the HTML.
    public var headings: [MarkdownHeading]
    /// The first paragraph as plain text (raw HTML in it as written), for a default summary;
    /// nil when there is none or it was not asked for (see `MarkdownRenderer.parse`).
    public var firstParagraph: String?
    /// Every id in the HTML (headings, footnotes and raw HTML as written), for fragment checks.
    public var anchors: [String]
    /// Template code of other generators outside code, in source order; shown as written.
    public var templateCode: [TemplateCode]
    /// Whether slot texts carry template code stand-ins to give back.
    var restoresTemplateCode: Bool

    /// How many bytes this document holds in memory, about.
    public var byteCount: Int { html.count + slots.count * 16 + rawHTML.reduce(0) { $0 + $1.literal.utf8.count } + references.reduce(0) { $0 + $1.destination.utf8.count + 32 } }

    /// The HTML with its slots filled.
    /// - Parameters:
    ///   - rawHTML: a replacement text for each raw HTML node (same order as `rawHTML`), nil to
    ///     keep it as written; GFM's tag filter still applies.
    ///   - links: what each destination becomes (same order as `references`).
    public func html(rawHTML texts: [String?], links: [LinkResolution]) -> [UInt8] {
        precondition(texts.count == rawHTML.count && links.count == references.count, "one answer per slot")
        guard !slots.isEmpty else { return html }
        var result: [UInt8] = []
        result.reserveCapacity(html.count + slots.count * 24)
        var cursor = 0
        for slot in slots {
            result += html[cursor..<slot.range.lowerBound]
            if slot.index < rawHTML.count {
                result += rawText(texts[slot.index], of: rawHTML[slot.index])
            } else {
                let index = slot.index - rawHTML.count
                switch links[index] {
                case .keep: CmarkEscaping.appendHref(references[index].destination, to: &result)
                case .replace(let destination): CmarkEscaping.appendHref(destination, to: &result)
                case .drop: break
                }
            }
            cursor = slot.range.upperBound
        }
        result += html[cursor...]
        return result
    }

    /// A raw HTML node's text as cmark-gfm writes it: tag-filtered, and for a block without the
    /// line break its slot's mark kept.
    private func rawText(_ replacement: String?, of node: MarkdownRawHTML) -> [UInt8] {
        var bytes = CmarkEscaping.tagFiltered(Array((replacement ?? node.literal).utf8))
        if node.isBlock, node.literal.hasSuffix("\n"), bytes.last == 0x0A { bytes.removeLast() }
        return restoresTemplateCode ? TemplateCodeShield.restoringHTML(bytes) : bytes
    }

    /// The ids in `html` (one filled by `html(rawHTML:links:)`).
    public static func anchors(in html: [UInt8]) -> [String] {
        HeadingAnchors.ids(in: html)
    }

    /// One slot's mark in the HTML.
    struct Slot: Sendable {
        var range: Range<Int>
        /// Raw HTML nodes first, then references.
        var index: Int

        static let openMark = "%EE%80%82"
        static let closeMark = "%EE%80%83"
        private static let open = Array(openMark.utf8)
        private static let close = Array(closeMark.utf8)
        private static let firstFamily = Array("0s".utf8)

        /// The marks of `family` in `html`, when there are exactly `count`, each once; nil on a
        /// clash with text the author wrote.
        static func find(_ family: Int, count: Int, in html: [UInt8]) -> [Slot]? {
            let prefix = family == 0 ? firstFamily : Array("\(family)s".utf8)
            let close = Self.close
            var slots: [Slot] = []
            slots.reserveCapacity(count)
            var seen = [Bool](repeating: false, count: count)
            return html.withUnsafeBufferPointer { bytes -> [Slot]? in
                var cursor = 0
                while let start = UTF8Search.firstIndex(of: open, in: bytes, from: cursor) {
                    cursor = start + 1
                    var at = start + openMark.utf8.count
                    guard bytes.count >= at + prefix.count, bytes[at..<at + prefix.count].elementsEqual(prefix) else { continue }
                    at += prefix.count
                    var index = 0
                    var digits = 0
                    while at < bytes.count, (0x30...0x39).contains(bytes[at]), digits < 9 {
                        index = index * 10 + Int(bytes[at] - 0x30)
                        at += 1
                        digits += 1
                    }
                    guard digits > 0, bytes.count >= at + close.count, bytes[at..<at + close.count].elementsEqual(close),
                          index < count, !seen[index] else { return nil }
                    seen[index] = true
                    slots.append(Slot(range: start..<at + close.count, index: index))
                    cursor = at + close.count
                }
                return slots.count == count ? slots : nil
            }
        }
    }
}
