import Foundation

/// Reads `content/pages/*.md`.
enum PageLoader {
    static let knownKeys = ["title", "slug", "layout", "menu", "description", "summary"]

    static func paths(in folder: SourceFolder, log: inout DiagnosticLog) -> [String] {
        let pagesPath = "content/pages"
        return FolderListing.entries(pagesPath, in: folder, log: &log).compactMap { entry in
            let path = pagesPath + "/" + entry.name
            guard entry.kind == .file, entry.name.hasSuffix(".md") else {
                log.error("'\(entry.name)' is not a page: pages are .md files", at: folder.location(path))
                return nil
            }
            return path
        }
    }

    static func load(_ path: String, in folder: SourceFolder, log: inout DiagnosticLog) -> Page? {
        guard let file = ContentFile.read(path, in: folder, log: &log) else { return nil }
        let fields = file.fields
        fields.warnAboutUnknownKeys(known: knownKeys, log: &log)
        let title = fields.text("title", required: true, log: &log)?.0
        var slug = String((path as NSString).lastPathComponent.dropLast(3))
        if let (written, location) = fields.text("slug", log: &log) {
            guard Slug.isValid(written) else {
                log.error("slug '\(written)' may hold only lower-case letters, digits, '-' and '_'", at: location)
                return nil
            }
            slug = written
        } else if !Slug.isValid(slug) {
            log.error("the file name does not make a valid slug; rename it or set 'slug'", at: folder.location(path))
            return nil
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
        return Page(
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
    }
}
