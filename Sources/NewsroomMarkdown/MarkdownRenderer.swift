import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm.
///
/// Documents parse on several threads at once; where cmark-gfm's switching of inline special
/// characters cannot be replaced, its inline parsing runs one document at a time (see
/// `CmarkSession`). The renderer itself holds no state between calls.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML in the source passes through (then GFM's tag filter still applies).
    public var allowsRawHTML: Bool
    /// Called with each document parsed (a test counts parses with it).
    public var onParse: (@Sendable (String) -> Void)?

    public init(allowsRawHTML: Bool = false, onParse: (@Sendable (String) -> Void)? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.onParse = onParse
    }

    /// Parses `source` (a Markdown body, without front matter) once; its HTML is then written
    /// for each use with `ParsedMarkdown.html(rawHTML:links:)`. Without `firstParagraph` (for a
    /// body whose summary is given), `ParsedMarkdown.firstParagraph` is nil.
    public func parse(_ source: String, firstParagraph: Bool = true) -> ParsedMarkdown {
        let parsed = CmarkDocument(source: source).parse(allowingRawHTML: allowsRawHTML, firstParagraph: firstParagraph)
        onParse?(source)
        return parsed
    }

    /// `parse` of a body's bytes, which must be UTF-8 (checked by the caller): read by cmark as
    /// they are, made a String only where a rare step needs the text.
    public func parse(utf8 source: Data, firstParagraph: Bool = true) -> ParsedMarkdown {
        let parsed = CmarkDocument(utf8: source).parse(allowingRawHTML: allowsRawHTML, firstParagraph: firstParagraph)
        onParse?(String(decoding: source, as: UTF8.self))
        return parsed
    }

    /// Parses and writes `source` for one use, letting `resolve` decide what each link and
    /// image destination becomes.
    ///
    /// - Parameters:
    ///   - resolve: called once per link or image in document order, after `rewriteRawHTML`.
    ///   - rewriteRawHTML: called once per raw HTML node in document order when raw HTML is
    ///     allowed; a non-nil answer replaces the node's text (GFM's tag filter still runs after).
    public func render(
        _ source: String,
        resolve: (MarkdownReference) -> LinkResolution = { _ in .keep },
        rewriteRawHTML: (MarkdownRawHTML) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        let parsed = parse(source)
        let texts = parsed.rawHTML.map(rewriteRawHTML)
        let links = parsed.references.map(resolve)
        let html = parsed.html(rawHTML: texts, links: links)
        return RenderedMarkdown(
            htmlBytes: html,
            headings: parsed.headings,
            firstParagraph: parsed.firstParagraph,
            anchors: parsed.rawHTML.isEmpty ? parsed.anchors : ParsedMarkdown.anchors(in: html),
            templateCode: parsed.templateCode
        )
    }
}

extension MarkdownRenderer {
    /// Whether a link destination seen by `resolve` (or in raw HTML) holds template code of
    /// another generator (`href="{{ url | filter }}"`): such a destination names nothing to
    /// check; it is kept as written and the construct is reported as template code.
    public static func holdsTemplateCode(_ destination: String) -> Bool {
        // On the contiguous bytes: the view's own iteration costs more than the test, once per link.
        destination.utf8.withContiguousStorageIfAvailable { $0.contains(where: TemplateCodeShield.isStandIn) }
            ?? destination.utf8.contains(where: TemplateCodeShield.isStandIn)
    }
}

/// One link or image destination as the author wrote it.
public struct MarkdownReference: Sendable, Equatable {
    /// The destination exactly as written.
    public var destination: String
    /// Whether this is an image (`![alt](src)`) rather than a link.
    public var isImage: Bool
    /// 1-based line in the Markdown source where the destination is written: the link's own,
    /// or its `[label]: url` definition's for a reference link.
    public var line: Int
    /// 1-based column in the Markdown source (of the link, or of its definition's `[`).
    public var column: Int
}

/// What to do with a link or image destination.
public enum LinkResolution: Sendable, Equatable {
    /// Leave the destination as written.
    case keep
    /// Use this destination instead.
    case replace(String)
    /// Remove the destination (the link text stays, pointing nowhere).
    case drop
}

/// A heading of the rendered document with its stable anchor id.
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    /// 1-based line and column of the heading in the Markdown source.
    public var line: Int = 1
    public var column: Int = 1
}

/// The result of rendering one Markdown document.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML body, as UTF-8.
    public var htmlBytes: [UInt8]
    /// The HTML body as a String.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Headings in document order, with the ids written into `html`.
    public var headings: [MarkdownHeading]
    /// The first paragraph as plain text, for a default summary.
    public var firstParagraph: String?
    /// Every id written into `html` (headings and footnotes), for fragment checks.
    public var anchors: [String]
    /// Template code of other generators outside code, in source order; shown as written.
    public var templateCode: [TemplateCode]
}
