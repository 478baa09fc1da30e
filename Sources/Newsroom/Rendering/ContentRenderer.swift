import Foundation
import NewsroomMarkdown
import NewsroomText

/// A Markdown body rendered for one page.
struct RenderedBody: Sendable {
    /// The HTML as UTF-8: item pages and pages put it in as it is (see `TemplateValue.bytes`).
    var htmlBytes: [UInt8]
    var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    var firstParagraph: String?
    var anchors: [String]
    /// Each link and image as written into the HTML, with where the Markdown wrote it (for
    /// `check`, which takes the first place of a URL written twice).
    var links = SourceMarks()
    /// Each heading's place in the source, by the id written into the HTML (for `check`).
    var headings = SourceMarks()
}

/// Writes parsed Markdown bodies with their links resolved, reporting each bad link at its line.
struct ContentRenderer: Sendable {
    var markdown: MarkdownRenderer
    var links: ContentLinks
    var folder: SourceFolder
    var anchors: AnchorBook
    /// Markdown images of these files become `<picture>` elements with their size and copies.
    var images = ImageCatalog()

    /// Parses and renders `text` (not a content body: the site's "About" boilerplate) for the
    /// page at `pageFile`.
    func render(_ text: String, sourcePath: String, firstLine: Int, pageFile: String, log: inout DiagnosticLog) -> RenderedBody {
        render(markdown.parse(text), sourcePath: sourcePath, firstLine: firstLine, pageFile: pageFile, log: &log)
    }

    /// Writes `parsed`, the body of `sourcePath` (first body line `firstLine`), for the page at
    /// `pageFile`, with its links resolved from there. The URLs of raw HTML (when the site
    /// allows it) go through the same resolution as Markdown links. Fragment links are checked
    /// except in absolute renders (feeds), which write bodies already checked for their pages.
    func render(_ parsed: ParsedMarkdown, sourcePath: String, firstLine: Int, pageFile: String, absolute: Bool = false, log: inout DiagnosticLog) -> RenderedBody {
        var problems: [Diagnostic] = []
        // Every link and heading of the body is located in the one file: its path made once.
        let displayPath = folder.display(sourcePath)
        func located(line: Int, column: Int) -> SourceLocation {
            SourceLocation(path: displayPath, line: firstLine + line - 1, column: column)
        }
        // Each URL written into the page, with where the Markdown wrote it (for `check`).
        var written = SourceMarks()
        written.reserveCapacity(parsed.references.count + parsed.rawHTML.count)
        // Links into this body itself: checked against the ids this render writes.
        var ownFragments: [(id: String, destination: String, location: SourceLocation)] = []
        // Processed images by the URL written for them.
        var pictures: [String: ImagePicture] = [:]
        func resolve(_ destination: String, isImage: Bool, line: Int, column: Int) -> LinkResolution {
            // Template code left from another generator is reported as such, not as a bad link.
            if MarkdownRenderer.holdsTemplateCode(destination) { return .keep }
            let (linked, problem) = links.link(destination, isImage: isImage, sourcePath: sourcePath, pageFile: pageFile, absolute: absolute)
            var resolution = linked
            let location = located(line: line, column: column)
            if let problem {
                problems.append(resolution == .drop ? .warning(problem, at: location) : .error(problem, at: location))
            } else if !absolute, let id = Self.fragmentID(of: destination) {
                switch fragmentTarget(destination, sourcePath: sourcePath, pageFile: pageFile) {
                case .own:
                    ownFragments.append((id, destination, location))
                case .other(let file):
                    if let ids = anchors.ids(of: file), !ids.contains(id) {
                        problems.append(.error(missingID(destination, id: id, in: anchors.sourcePath(of: file) ?? file, ids: ids), at: location))
                    }
                case .unchecked:
                    break
                }
            }
            if isImage, !images.images.isEmpty, case .replace(let url) = resolution,
               case .target(let file, let suffix) = links.resolve(destination, isImage: true, sourcePath: sourcePath), suffix.isEmpty,
               let image = images.images[file] {
                if absolute {
                    // A feed: the feed-sized file in place of the full size.
                    let picture = ImagePicture(feedCopyOf: image, at: file) { links.linker.absolute($0) }
                    pictures[picture.src] = picture
                    resolution = .replace(picture.src)
                } else {
                    pictures[url] = ImagePicture(image, at: file) { links.linker.relative(from: pageFile, to: $0) }
                }
            }
            switch resolution {
            case .keep: written.append(destination, at: location)
            case .replace(let url): written.append(url, at: location)
            case .drop: break
            }
            return resolution
        }
        let rawHTML = parsed.rawHTML.map { node in
            let rewritten = RawHTMLLinks.rewrite(node.literal) { url, isImage, offset in
                let (line, column) = node.position(ofByte: offset)
                return resolve(url, isImage: isImage, line: line, column: column)
            }
            return pictures.isEmpty ? rewritten : ImageMarkup.sized(rewritten ?? node.literal, pictures: pictures) ?? rewritten
        }
        let resolutions = parsed.references.map { reference in
            resolve(reference.destination, isImage: reference.isImage, line: reference.line, column: reference.column)
        }
        var html = parsed.html(rawHTML: rawHTML, links: resolutions)
        if !pictures.isEmpty { html = ImageMarkup.rewrite(html, pictures: pictures) }
        let writtenIDs = parsed.rawHTML.isEmpty ? parsed.anchors : ParsedMarkdown.anchors(in: html)
        if !ownFragments.isEmpty {
            let ids = Set(writtenIDs)
            for fragment in ownFragments where !ids.contains(fragment.id) {
                problems.append(.error(missingID(fragment.destination, id: fragment.id, in: sourcePath, ids: ids), at: fragment.location))
            }
        }
        for code in parsed.templateCode {
            let location = located(line: code.line, column: code.column)
            problems.append(.warning(Self.message(for: code), at: location))
        }
        log.add(contentsOf: problems)
        var headings = SourceMarks()
        headings.reserveCapacity(parsed.headings.count)
        for heading in parsed.headings {
            headings.append(heading.id, at: located(line: heading.line, column: heading.column))
        }
        return RenderedBody(htmlBytes: html, firstParagraph: parsed.firstParagraph, anchors: writtenIDs, links: written, headings: headings)
    }

    private enum FragmentTarget {
        /// This body (`#id`, or a link to its own source or page).
        case own
        /// The page at this output path.
        case other(String)
        /// Not a content body (static file, feed, listing, external): fragments are not checked.
        case unchecked
    }

    private func fragmentTarget(_ destination: String, sourcePath: String, pageFile: String) -> FragmentTarget {
        let trimmed = destination.trimmedASCIISpace
        if trimmed.hasPrefix("#") { return .own }
        guard case .target(let file, _) = links.resolve(trimmed, isImage: false, sourcePath: sourcePath) else { return .unchecked }
        if file == pageFile { return .own }
        return anchors.sourcePath(of: file) == nil ? .unchecked : .other(file)
    }

    private func missingID(_ destination: String, id: String, in sourcePath: String, ids: Set<String>) -> String {
        "link '\(destination)' points at an id that '\(folder.display(sourcePath))' does not have\(Suggestion.didYouMean(id, in: ids.sorted()))"
    }

    /// The id a destination's `#fragment` names, percent-decoded; nil when there is none to
    /// check: no fragment, an empty one, or a text fragment (`#:~:text=…`, which names words).
    static func fragmentID(of destination: String) -> String? {
        // Most destinations have no `#`: a byte scan says so without walking characters (a `#`
        // byte that a combining mark follows is not a `#` character, so one found is checked).
        guard destination.utf8.contains(UInt8(ascii: "#")), let hash = destination.firstIndex(of: "#") else { return nil }
        var fragment = destination[destination.index(after: hash)...]
        if let directive = fragment.range(of: ":~:") { fragment = fragment[..<directive.lowerBound] }
        let id = String(fragment).trimmedASCIISpace
        guard !id.isEmpty else { return nil }
        return id.removingPercentEncoding ?? id
    }

    /// `Liquid tag '{% include x.html %}' is left from another generator; it is shown as text`,
    /// the construct on one line (its spaces and line breaks run together), cut when long.
    static func message(for code: TemplateCode) -> String {
        let name = switch code.kind {
        case .liquidTag: "Liquid tag"
        case .hugoShortcode: "Hugo shortcode"
        case .templateExpression: "template expression"
        }
        var text = code.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
        if text.count > 80 { text = text.prefix(79) + "…" }
        return "\(name) '\(text)' is left from another generator; it is shown as text"
    }
}
