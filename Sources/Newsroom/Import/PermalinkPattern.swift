import Foundation

/// An old site's URL rule (`/:year/:month/:day/:title/`), expanded for one entry to the path
/// the old site published it at.
struct PermalinkPattern: Sendable {
    /// Whose placeholders these are: `:title` is the file's name in Jekyll, the slugged title in Hugo.
    enum Flavour: Sendable { case jekyll, hugo }

    var pattern: String
    var flavour: Flavour

    /// Jekyll's built-in styles by name.
    static func jekyll(_ setting: String?) -> PermalinkPattern {
        let styles = [
            "date": "/:categories/:year/:month/:day/:title:output_ext",
            "pretty": "/:categories/:year/:month/:day/:title/",
            "ordinal": "/:categories/:year/:y_day/:title:output_ext",
            "none": "/:categories/:title:output_ext",
        ]
        let name = setting ?? "date"
        return PermalinkPattern(pattern: styles[name] ?? name, flavour: .jekyll)
    }

    /// Longest first, so `:i_month` is not read as `:i` and `:month`.
    private static let placeholders = [
        "output_ext", "categories", "short_year", "slugorfilename", "filename", "i_month", "i_day", "section",
        "minute", "second", "month", "title", "y_day", "year", "slug", "name", "hour", "day",
    ]

    func expand(_ entry: ImportedEntry) -> String {
        var out = ""
        var rest = Substring(pattern)
        while let colon = rest.firstIndex(of: ":") {
            out += rest[..<colon]
            let after = rest[rest.index(after: colon)...]
            guard let name = Self.placeholders.first(where: { after.hasPrefix($0) }) else {
                out += ":"
                rest = after
                continue
            }
            out += value(of: name, for: entry)
            rest = after.dropFirst(name.count)
        }
        out += rest
        var path = "/" + out.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        if out.hasSuffix("/"), path != "/" { path += "/" }
        return flavour == .hugo ? path.lowercased() : path
    }

    private func value(of name: String, for entry: ImportedEntry) -> String {
        let date = entry.date
        func pad(_ value: Int?) -> String { value.map { PublicationDate.pad($0) } ?? "" }
        switch name {
        case "year": return date.map { PublicationDate.pad($0.year, width: 4) } ?? ""
        case "short_year": return date.map { PublicationDate.pad($0.year % 100) } ?? ""
        case "month": return pad(date?.month)
        case "day": return pad(date?.day)
        case "i_month": return date.map { String($0.month) } ?? ""
        case "i_day": return date.map { String($0.day) } ?? ""
        case "hour": return pad(date?.hour)
        case "minute": return pad(date?.minute)
        case "second": return pad(date?.second)
        case "y_day":
            guard let date else { return "" }
            let before = (1..<date.month).reduce(0) { $0 + DateParser.daysIn(month: $1, year: date.year) }
            return PublicationDate.pad(before + date.day, width: 3)
        case "title":
            return flavour == .jekyll ? entry.jekyllTitle : Slug.make(from: entry.title)
        case "slug":
            // Hugo's `:slug` falls back to the title, Jekyll's to the file name.
            return flavour == .hugo ? (entry.explicitSlug.map(Slug.make) ?? Slug.make(from: entry.title)) : entry.slug
        case "slugorfilename": return entry.explicitSlug.map(Slug.make) ?? entry.fileStem
        case "name", "filename": return entry.fileStem
        case "section": return entry.section
        case "categories":
            var seen: [String] = []
            // Lower-cased as Jekyll does; a space stays one (the URL escapes it as %20).
            for category in entry.categories.map({ $0.lowercased() }) where !seen.contains(category) {
                seen.append(category)
            }
            return seen.joined(separator: "/")
        case "output_ext": return ".html"
        default: return ""
        }
    }
}

extension ImportedEntry {
    /// Jekyll's `:title`: the front matter's `slug` or the file's own name, case kept.
    var jekyllTitle: String { explicitSlug ?? fileStem }
}
