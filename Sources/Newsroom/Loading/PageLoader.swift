import Foundation

/// Reads `content/pages/*.md` (and `*.markdown`).
enum PageLoader {
    static let knownKeys = ["title", "slug", "layout", "menu", "description", "summary"]

    static func paths(in folder: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> [String] {
        let pagesPath = "content/pages"
        var pathByStem: [String: String] = [:]
        return FolderListing.entries(pagesPath, in: folder, fileSystem: fileSystem, log: &log).compactMap { entry in
            let path = pagesPath + "/" + entry.name
            guard entry.kind == .file, let stem = ContentFile.markdownStem(entry.name) else {
                log.error("'\(entry.name)' is not a page: pages are .md or .markdown files", at: folder.location(path))
                return nil
            }
            if let first = pathByStem[stem] {
                log.error("'\(folder.display(first))' and '\(folder.display(path))' are two sources for one page; keep one", at: folder.location(path))
                return nil
            }
            pathByStem[stem] = path
            return path
        }
    }

    static func load(_ path: String, in folder: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> Page? {
        guard let file = ContentFile.read(path, in: folder, fileSystem: fileSystem, log: &log) else { return nil }
        let fields = file.fields
        fields.warnAboutUnknownKeys(known: knownKeys, log: &log)
        let title = fields.text("title", required: true, log: &log)?.0
        let slug: String
        if let (written, location) = fields.text("slug", log: &log) {
            guard Slug.isValid(written) else {
                log.error("slug '\(written)' may hold only lower-case letters, digits, '-' and '_'", at: location)
                return nil
            }
            slug = written
        } else {
            let name = ContentFile.markdownStem((path as NSString).lastPathComponent) ?? path
            guard let made = Slug.fromFileName(name, at: folder.location(path), log: &log) else { return nil }
            slug = made
        }
        if ["news", "assets", "tags"].contains(slug) {
            log.error("slug '\(slug)' is taken by the generator's own pages", at: fields.node("slug")?.location ?? folder.location(path))
            return nil
        }
        var layout = "page"
        if let (name, location) = fields.text("layout", log: &log) {
            if Slug.isValid(name) { layout = name } else {
                log.error("layout '\(name)' is not a layout name", at: location)
            }
        }
        guard let title else { return nil }
        var page = Page(
            sourcePath: path,
            title: title,
            slug: slug,
            layout: layout,
            description: fields.text("description", log: &log)?.0 ?? fields.text("summary", log: &log)?.0,
            menuOrder: fields.integer("menu", in: -1000...1000, log: &log),
            body: file.frontMatter.body,
            bodyFirstLine: file.frontMatter.bodyFirstLine,
            contentHash: file.contentHash
        )
        page.fragmentLinkPaths = FragmentLinkScan.paths(in: page.body)
        return page
    }
}
