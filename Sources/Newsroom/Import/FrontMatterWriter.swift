/// Newsroom front matter for an imported entry: its keys only, in a fixed order, every text
/// double-quoted (JSON's escapes are YAML's), so importing twice gives the same bytes.
enum FrontMatterWriter {
    /// - Parameter idHost: the host of the item's permanent `id`, pinned now so a later slug
    ///   change does not make feed readers show the item again.
    static func text(for entry: ImportedEntry, image: ImportedImage?, aliases: [String], idHost: String) -> String {
        func quoted(_ text: String) -> String { Scaffold.yamlQuoted(text) }
        var lines = ["---", "title: \(quoted(entry.title))"]
        if entry.kind == .page {
            lines.append("slug: \(quoted(entry.slug))")
            if let summary = entry.summary { lines.append("summary: \(quoted(summary))") }
            return (lines + ["---"]).joined(separator: "\n") + "\n"
        }
        // A day without a time, or a time without an offset, stays so: Newsroom reads it in the
        // site's timezone, as the old generator did in its own.
        if let date = entry.date {
            lines.append("id: \(TagURI.make(host: idHost, year: date.year, month: date.month, day: date.day, slug: entry.slug))")
            let local = date.isoDay + "T" + [date.hour, date.minute, date.second].map { PublicationDate.pad($0) }.joined(separator: ":")
            lines.append("date: \(!date.hasTime ? date.isoDay : entry.dateIsLocal ? local : date.iso8601)")
        }
        if let updated = entry.updated { lines.append("updated: \(updated.hasTime ? updated.iso8601 : updated.isoDay)") }
        if let summary = entry.summary { lines.append("summary: \(quoted(summary))") }
        if !entry.tags.isEmpty {
            lines.append("tags:")
            lines += entry.tags.map { "  - \(quoted($0))" }
        }
        if let author = entry.author { lines.append("author: \(quoted(author))") }
        if let image {
            lines.append("image:")
            lines.append("  src: \(quoted(image.src))")
            // An empty alt marks the gap the report lists; the build accepts it.
            lines.append("  alt: \(quoted(image.alt ?? ""))")
        }
        if entry.draft { lines.append("draft: true") }
        if !aliases.isEmpty {
            lines.append("aliases:")
            lines += aliases.map { "  - \(quoted($0))" }
        }
        return (lines + ["---"]).joined(separator: "\n") + "\n"
    }
}
