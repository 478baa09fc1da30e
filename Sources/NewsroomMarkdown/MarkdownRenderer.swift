import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm.
///
/// cmark-gfm's inline parsing is not safe to run on two threads at once (see `CmarkSession`),
/// so that step is serialised through one lock; the rest runs in parallel. The renderer itself
/// holds no state between calls.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML in the source passes through (then GFM's tag filter still applies).
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// Renders `source`, letting `resolve` decide what each link and image destination becomes.
    ///
    /// - Parameters:
    ///   - source: the Markdown body, without front matter.
    ///   - findingFirstParagraph: whether to fill in `firstParagraph` (false leaves it nil).
    ///   - resolve: called once per link or image in document order.
    ///   - rewriteRawHTML: called once per raw HTML node in document order when raw HTML is
    ///     allowed; a non-nil answer replaces the node's text (GFM's tag filter still runs after).
    public func render(
        _ source: String,
        findingFirstParagraph: Bool = true,
        resolve: (MarkdownReference) -> LinkResolution = { _ in .keep },
        rewriteRawHTML: (MarkdownRawHTML) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        CmarkDocument(source: source).render(
            allowingRawHTML: allowsRawHTML, findingFirstParagraph: findingFirstParagraph, resolve: resolve, rewriteRawHTML: rewriteRawHTML
        )
    }
}

extension MarkdownRenderer {
    /// The first top-level paragraph as plain text, reading as little of `source` as it can:
    /// blank-line-separated blocks are parsed a growing prefix at a time (a top-level paragraph
    /// ends at a blank line). Documents with reference definitions are parsed whole, since a
    /// definition further down can change the paragraph's text.
    public func firstParagraph(_ source: String) -> String? {
        let hasReferenceDefinitions = source.split(separator: "\n").contains { line in
            let trimmed = line.drop { $0 == " " }
            return trimmed.hasPrefix("[") && trimmed.contains("]:")
        }
        if !hasReferenceDefinitions {
            var prefix = ""
            var blocks = 0
            for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.allSatisfy({ $0 == " " || $0 == "\t" }), !prefix.isEmpty {
                    blocks += 1
                    if let found = render(prefix).firstParagraph { return found }
                    if blocks >= 8 { break }
                }
                prefix += line
                prefix += "\n"
            }
        }
        return render(source).firstParagraph
    }
}

extension MarkdownRenderer {
    /// Whether a link destination seen by `resolve` (or in raw HTML) holds template code of
    /// another generator (`href="{{ url | filter }}"`): such a destination names nothing to
    /// check; it is kept as written and the construct is reported as template code.
    public static func holdsTemplateCode(_ destination: String) -> Bool {
        destination.utf8.contains(where: TemplateCodeShield.isStandIn)
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
