import Foundation

/// Any folder of Markdown files with front matter, as Eleventy, Next.js, Astro or Docusaurus
/// blogs keep them: dates from front matter or file names, subfolders as sections. A file with
/// no date anywhere is a page.
enum MarkdownSource {
    static func read(_ folder: ArchiveFolder, permalink: String?, timeZone: TimeZone, report: inout ImportReport, log: inout DiagnosticLog) -> Archive {
        var archive = Archive(kind: .markdown, folder: folder)
        let dates = DateParser(timeZone: timeZone)
        // Eleventy's own default: the file's folders and name as the URL's path.
        let rule = PermalinkPattern(pattern: permalink ?? "/:section/:name/", flavour: .jekyll)
        for path in folder.files where JekyllSource.isMarkdown(path) || path.hasSuffix(".mdx") {
            let components = path.split(separator: "/").map(String.init)
            let name = (components.last! as NSString).deletingPathExtension
            if components.count == 1, ["readme", "index", "changelog", "license"].contains(name.lowercased()) { continue }
            guard let document = folder.document(path, log: &log) else { continue }
            let shown = folder.shown(path)
            // A bundle-style post (`my-post/index.md`) takes its folder's name.
            let isIndex = name == "index" && components.count > 1
            let named = isIndex ? components[components.count - 2] : name
            let (datePart, stem) = Slug.splitDatePrefix(named)
            var entry = ImportedEntry(kind: .item, sourcePath: path, title: KeyMapping.titleFromName(stem), slug: Slug.make(from: stem), body: document.body)
            entry.bodyFirstLine = document.bodyFirstLine
            entry.fileStem = stem
            entry.section = components.dropLast(isIndex ? 2 : 1).joined(separator: "/")
            if let datePart, case .success(let date) = dates.parse(datePart) { entry.date = date }
            KeyMapping.apply(document, to: &entry, path: shown, dates: dates, report: &report, log: &log)
            if entry.date == nil { entry.kind = .page }
            if let own = KeyMapping.ownURL(document) {
                if own.url.contains("{") || KeyMapping.isFalse(own.url) {
                    report.need("the permalink '\(own.url)' is not a path; its old URL is not kept", at: shown, line: own.line)
                } else {
                    entry.oldURL = own.url
                }
            } else {
                entry.oldURL = rule.expand(entry)
            }
            archive.entries.append(entry)
        }
        return archive
    }
}
