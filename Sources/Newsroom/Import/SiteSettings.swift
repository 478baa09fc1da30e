import Foundation

/// `site.yml` for a site the import creates: the old site's title, address, language and
/// timezone, with the default theme. An existing `site.yml` is never touched.
enum SiteSettings {
    static func file(for old: OldSite, site: SourceFolder, fileSystem: FileSystem, report: inout ImportReport) -> ImportedFile? {
        let path = site.path("site.yml")
        if fileSystem.status(path, following: true) != nil {
            let text = fileSystem.read(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if old.needsRawHTML, !text.contains("raw_html: true") {
                report.need("the bodies are HTML: set 'raw_html: true' here", at: site.display("site.yml"))
            }
            return nil
        }
        func quoted(_ text: String) -> String { Scaffold.yamlQuoted(text) }
        var lines = ["title: \(quoted(old.title ?? "News"))"]
        if let description = old.description, !description.isEmpty { lines.append("description: \(quoted(description))") }
        if let baseURL = old.baseURL {
            lines.append("base_url: \(quoted(baseURL))")
        } else {
            lines.append("base_url: \"https://example.org/\"")
            report.need("the old site's address is unknown: set base_url (or import again with --base-url)", at: site.display("site.yml"))
        }
        let language = (old.language ?? "en").split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? "en"
        lines.append("language: \(quoted(language.lowercased()))")
        let zone = old.timeZone.flatMap { TimeZone(identifier: $0) == nil ? nil : $0 } ?? "UTC"
        lines.append("timezone: \(quoted(zone))")
        lines.append("theme: default")
        if old.needsRawHTML { lines.append("raw_html: true") }
        return ImportedFile(path: "site.yml", contents: .text(lines.joined(separator: "\n") + "\n"))
    }
}
