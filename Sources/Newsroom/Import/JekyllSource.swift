import Foundation

/// A Jekyll site (`_config.yml`, `_posts/` anywhere, `_drafts/`, pages with front matter) or any
/// folder of `YYYY-MM-DD-name.md` posts.
enum JekyllSource {
    static func read(_ folder: ArchiveFolder, permalink: String?, report: inout ImportReport, log: inout DiagnosticLog) -> Archive {
        var archive = Archive(kind: .jekyll, folder: folder)
        var config = SourceValue(kind: .map([]), line: 1)
        if folder.files.contains("_config.yml"), let text = folder.text("_config.yml", log: &log) {
            switch YAMLNode.parseWithYams(text, path: folder.shown("_config.yml"), firstLine: 1) {
            case .success(let node?): config = SourceValue.from(node)
            case .success(nil): break
            case .failure(let diagnostic): log.add(diagnostic)
            }
        }
        archive.site.title = config["title"]?.text
        archive.site.description = config["description"]?.text
        if let url = config["url"]?.text, !url.isEmpty {
            archive.site.baseURL = url + (config["baseurl"]?.text ?? "") + "/"
        }
        archive.site.language = config["lang"]?.text ?? config["locale"]?.text
        archive.site.timeZone = config["timezone"]?.text
        let zone = archive.site.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let dates = DateParser(timeZone: zone)
        let rule = permalink.map { PermalinkPattern(pattern: $0, flavour: .jekyll) } ?? PermalinkPattern.jekyll(config["permalink"]?.text)
        let pageRule = permalink == nil && rule.pattern.hasSuffix("/") ? "/:path/" : "/:path.html"
        let isSite = folder.files.contains("_config.yml") || folder.files.contains { $0.hasPrefix("_posts/") || $0.contains("/_posts/") }

        for path in folder.files where path.hasSuffix(".html") && (path.hasPrefix("_posts/") || path.contains("/_posts/")) {
            report.need("a post written in HTML is not imported: convert it to Markdown and import it again", at: folder.shown(path))
        }
        for path in folder.files where isSite && path.hasSuffix(".html") && !path.hasPrefix("_") && !path.contains("/_") {
            // An HTML page with front matter is a template page (an archive, a tag list): it has
            // no content of its own to bring over.
            if let text = folder.text(path, log: &log), text.hasPrefix("---") {
                report.need("a page written in HTML and Liquid is not imported: recreate what it shows", at: folder.shown(path))
            }
        }
        var reportedCollections: Set<String> = []
        for path in folder.files where isMarkdown(path) {
            let components = path.split(separator: "/").map(String.init)
            let name = (components.last! as NSString).deletingPathExtension
            let (datePart, stem) = Slug.splitDatePrefix(name)
            let postsIndex = components.firstIndex(of: "_posts")
            let isDraft = components.first == "_drafts"
            let isPost = isSite ? postsIndex != nil && datePart != nil : datePart != nil
            let insideUnderscore = components.dropLast().contains { $0.hasPrefix("_") }
            guard isPost || isDraft || (isSite && !insideUnderscore) else {
                if postsIndex != nil, datePart == nil {
                    report.need("not a post: its name does not start with YYYY-MM-DD-", at: folder.shown(path))
                } else if isSite, components.count > 1, let folderName = components.first, folderName.hasPrefix("_"),
                          reportedCollections.insert(folderName).inserted {
                    // A collection (`_events/`, `_team/`) has its own layouts and URLs: a person decides.
                    report.need("the collection '\(folderName)' is not imported", at: folder.shown(path))
                }
                continue
            }
            guard let document = folder.document(path, log: &log) else { continue }
            let shown = folder.shown(path)
            if !isPost && !isDraft {
                // Jekyll renders a page only when it has front matter; the home page is Newsroom's own.
                guard document.hasFrontMatter else { continue }
                if components == ["index.md"] || components == ["index.markdown"] {
                    report.need("the old home page is not imported: Newsroom makes its own", at: shown)
                    continue
                }
            }
            var entry = ImportedEntry(
                kind: isPost || isDraft ? .item : .page, sourcePath: path, title: KeyMapping.titleFromName(stem),
                slug: Slug.make(from: stem), body: document.body
            )
            entry.bodyFirstLine = document.bodyFirstLine
            entry.fileStem = stem
            // `:section` for --permalink: the folders below SOURCE, Jekyll's own folders left out.
            entry.section = components.dropLast().filter { $0 != "_posts" && $0 != "_drafts" }.joined(separator: "/")
            if let postsIndex { entry.categories = Array(components[..<postsIndex]) }
            if let datePart, case .success(let date) = dates.parse(datePart) { entry.date = date }
            KeyMapping.apply(document, to: &entry, path: shown, dates: dates, report: &report, log: &log)
            if isDraft {
                entry.draft = true
                if entry.date == nil, let modified = folder.modified(path) {
                    entry.date = dates.fields(of: modified)
                    report.need("a draft without a date: dated by its file's time; set 'date'", at: shown)
                }
            }
            if entry.kind == .page, name == "index", components.count > 1 {
                entry.slug = Slug.make(from: components[components.count - 2])
            }
            if let own = KeyMapping.ownURL(document) {
                entry.oldURL = own.url.contains("{") ? nil : own.url
                if own.url.contains("{") { report.need("the permalink '\(own.url)' is template code; its old URL is not kept", at: shown, line: own.line) }
            } else if isDraft {
                entry.oldURL = nil
            } else if entry.kind == .item {
                entry.oldURL = rule.expand(entry)
            } else {
                let pagePath = (path as NSString).deletingPathExtension
                let trimmed = pagePath.hasSuffix("/index") ? String(pagePath.dropLast(6)) : pagePath
                entry.oldURL = pageRule.hasSuffix("/") || pagePath.hasSuffix("/index") ? "/" + trimmed + "/" : "/" + trimmed + ".html"
            }
            archive.entries.append(entry)
        }
        return archive
    }

    static func isMarkdown(_ path: String) -> Bool {
        path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }
}
