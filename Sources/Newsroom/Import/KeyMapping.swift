import Foundation

/// Front-matter keys of Jekyll, Hugo, Eleventy and their kin mapped to Newsroom's own.
enum KeyMapping {
    /// Keys whose meaning is taken over (the rest are dropped and listed once in the report).
    static let understood: Set<String> = [
        "title", "date", "updated", "lastmod", "last_modified_at", "modified", "slug", "summary", "excerpt",
        "description", "tags", "categories", "category", "author", "authors", "image", "hero", "cover",
        "featured_image", "image_alt", "alt", "draft", "published", "aliases", "redirect_from", "permalink", "url",
    ]

    /// Reads `document`'s fields into `entry` (whose title, date and slug come from the file name
    /// until the fields say otherwise). Gaps go into the report at `path`.
    static func apply(_ document: SourceDocument, to entry: inout ImportedEntry, path: String, dates: DateParser, report: inout ImportReport, log: inout DiagnosticLog) {
        let fields = document.fields
        for key in fields.keys where !understood.contains(key) { report.droppedKeys.insert(key) }
        if let title = fields["title"]?.text, !title.isEmpty { entry.title = title }
        for key in ["date"] {
            guard let value = fields[key], let text = value.text, !text.isEmpty else { continue }
            switch dates.parse(text) {
            case .success(let date):
                entry.date = date
                entry.dateIsLocal = date.hasTime && !hasOffset(text)
            case .failure: log.error("'\(key)' is not a date: '\(text)'", at: SourceLocation(path: path, line: value.line))
            }
        }
        for key in ["updated", "last_modified_at", "lastmod", "modified"] {
            guard let text = fields[key]?.text, !text.isEmpty, case .success(let date) = dates.parse(text) else { continue }
            entry.updated = date
            break
        }
        if let slug = fields["slug"]?.text, !slug.isEmpty {
            entry.slug = Slug.make(from: slug)
            entry.explicitSlug = slug
        }
        for key in ["summary", "excerpt", "description"] {
            if let text = fields[key]?.text, !text.isEmpty { entry.summary = text; break }
        }
        var tags: [String] = []
        for key in ["categories", "category", "tags"] {
            guard let value = fields[key] else { continue }
            let words = value.text.map(splitWords) ?? value.texts
            if key != "tags" { entry.categories += words }
            for word in words where !word.isEmpty && !tags.contains(word) { tags.append(word) }
        }
        entry.tags = tags
        if let author = fields["author"]?.text ?? fields["authors"]?.texts.first ?? fields["author"]?["name"]?.text, !author.isEmpty {
            entry.author = author
        }
        for key in ["image", "hero", "cover", "featured_image"] {
            guard let value = fields[key] else { continue }
            if let src = value.text ?? value["src"]?.text ?? value["path"]?.text ?? value["image"]?.text, !src.isEmpty {
                entry.image = ImportedImage(src: src, alt: value["alt"]?.text ?? fields["image_alt"]?.text ?? fields["alt"]?.text)
                if entry.image?.alt == nil { report.need("the image '\(src)' has no alt text; write one in image.alt", at: path, line: value.line) }
                break
            }
        }
        if fields["draft"]?.text.map(isTrue) == true || fields["published"]?.text.map(isFalse) == true { entry.draft = true }
        for key in ["redirect_from", "aliases"] {
            entry.oldAliases += fields[key]?.texts.filter { !$0.isEmpty } ?? []
        }
    }

    /// The URL a post's own front matter gives (`permalink`, Hugo's `url`), which wins over any
    /// rule of the site.
    static func ownURL(_ document: SourceDocument) -> (url: String, line: Int)? {
        for key in ["permalink", "url"] {
            if let value = document.fields[key], let text = value.text, !text.isEmpty { return (text, value.line) }
        }
        return nil
    }

    /// `news, "annual report"` or `news events` → words; a comma anywhere means commas separate.
    static func splitWords(_ text: String) -> [String] {
        let parts = text.contains(",") ? text.split(separator: ",") : text.split(separator: " ")
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `…Z`, `…+01:00`, `… +0530`, `… -4`: the text names its offset.
    static func hasOffset(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("Z") || trimmed.hasSuffix("z") { return true }
        guard let time = trimmed.range(of: ":") else { return false }
        return trimmed[time.upperBound...].contains { $0 == "+" || $0 == "-" }
    }

    static func isTrue(_ text: String) -> Bool { ["true", "yes", "on"].contains(text.lowercased()) }
    static func isFalse(_ text: String) -> Bool { ["false", "no", "off"].contains(text.lowercased()) }

    /// `welcome-to-jekyll` → `Welcome To Jekyll`, as Jekyll titles a post that names none.
    static func titleFromName(_ name: String) -> String {
        name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
