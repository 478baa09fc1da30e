import Foundation

/// `generate new "Title"`: a new news item with its front matter filled in.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case exists(String)
        case noSlug(String)
        case site([Diagnostic])
        case write(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; not overwriting it"
            case .noSlug(let title): return "'\(title)' has no letters or digits to make a file name from"
            case .site(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
            case .write(let reason): return reason
            }
        }
    }

    /// Creates `content/news/YYYY-MM-DD-slug.md` (or `…/index.md` in a bundle folder) dated
    /// `now` in the site timezone, and returns its path as the author would type it.
    public static func newItem(title: String, bundle: Bool, site: SourceFolder, now: Date) -> Result<String, Failure> {
        var log = DiagnosticLog()
        guard let config = SiteConfigLoader.load(from: site, log: &log), !log.hasErrors else {
            return .failure(.site(log.sorted.filter { $0.severity == .error }))
        }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { return .failure(.noSlug(title)) }
        let date = DateParser(timeZone: config.timeZone).fields(of: now)
        let name = "\(date.isoDay)-\(slug)"
        let relative = bundle ? "content/news/\(name)/index.md" : "content/news/\(name).md"
        let url = site.file(relative)
        let display = site.display(relative)
        // Any existing source of this item (file, `.markdown` file or bundle) blocks a new one.
        let taken = [name, name + ".md", name + ".markdown"].contains { FileManager.default.fileExists(atPath: site.file("content/news/" + $0).path) }
        if taken || FileManager.default.fileExists(atPath: url.path) {
            return .failure(.exists(display))
        }
        let text = """
        ---
        title: \(yamlQuoted(title))
        id: \(TagURI.make(host: URL(string: config.baseURL)?.host ?? "localhost", year: date.year, month: date.month, day: date.day, slug: slug))
        date: \(date.iso8601)
        summary: ""
        tags: []
        location: ""
        draft: true
        ---
        Write the opening paragraph here; the dateline is added for you.

        ###

        ## Background information

        """
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
                return .failure(.write("cannot create \(display)"))
            }
        } catch {
            return .failure(.write("cannot create \(display): \(error.localizedDescription)"))
        }
        return .success(display)
    }

    /// A YAML double-quoted scalar (JSON's escapes are YAML's too).
    static func yamlQuoted(_ text: String) -> String {
        JSONText.quoted(text, htmlSafe: false)
    }
}
