import NewsroomMarkdown
import Foundation
import NewsroomText

/// Reads `content/news/`: single files and bundles.
enum NewsItemLoader {
    static let knownKeys = [
        "title", "id", "date", "updated", "expires", "slug", "summary", "tags", "location", "author", "image", "draft", "aliases", "original_images",
    ]

    /// One news source found on disk: the Markdown file and, for a bundle, its folder.
    struct Source {
        var markdownPath: String
        var bundlePath: String?
        /// The name the slug defaults to (file or bundle name, date prefix dropped).
        var name: String
    }

    /// The name the news folder lists a file or bundle under, from its site-relative path.
    static func entryName(of path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    }

    /// Where news items are, in the site folder.
    static let newsFolder = "content/news"

    static func sources(in folder: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> [Source] {
        var sources: [Source] = []
        // Item name → the file that first claimed it, so `x.md` beside `x.markdown` is caught.
        var sourceByName: [String: String] = [:]
        let entries = FolderListing.entries(newsFolder, in: folder, fileSystem: fileSystem, log: &log)
        sources.reserveCapacity(entries.count)
        sourceByName.reserveCapacity(entries.count)
        for entry in entries {
            let path = newsFolder + "/" + entry.name
            switch entry.kind {
            case .directory:
                let indexes = ContentFile.markdownExtensions.map { "index" + $0 }.filter { FolderListing.isFile(path + "/" + $0, in: folder, fileSystem: fileSystem) }
                guard let index = indexes.first else {
                    log.error("'\(entry.name)' is a folder but not a bundle: it has no index.md", at: folder.location(path))
                    continue
                }
                if indexes.count > 1 {
                    log.error(
                        "the bundle '\(entry.name)' has two sources, \(indexes.joined(separator: " and ")); keep one",
                        at: folder.location(path + "/" + indexes[1])
                    )
                    continue
                }
                sources.append(Source(markdownPath: path + "/" + index, bundlePath: path, name: entry.name))
            case .file:
                guard let stem = ContentFile.markdownStem(entry.name) else {
                    log.error("'\(entry.name)' is not a news item: news items are .md or .markdown files or bundle folders with an index.md", at: folder.location(path))
                    continue
                }
                if let first = sourceByName[stem] {
                    log.error("'\(folder.display(first))' and '\(folder.display(path))' are two sources for one item; keep one", at: folder.location(path))
                    continue
                }
                sourceByName[stem] = path
                sources.append(Source(markdownPath: path, bundlePath: nil, name: stem))
            }
        }
        return sources
    }

    /// The item in `source`'s file, its `body` left empty, and the body's bytes (UTF-8, checked:
    /// see `FrontMatter.bodyBytes`); `opened` and `readStatus` as in `ContentFile.read`.
    static func load(_ source: Source, in folder: SourceFolder, opened: OpenFolder? = nil, dates: DateParser, fileSystem: FileSystem = .local, readStatus: (FileStatus) -> Void = { _ in }, log: inout DiagnosticLog) -> (item: NewsItem, body: Data)? {
        guard let file = ContentFile.read(source.markdownPath, in: folder, opened: opened, fileSystem: fileSystem, readStatus: readStatus, log: &log) else { return nil }
        let fields = file.fields
        fields.warnAboutUnknownKeys(known: knownKeys, log: &log)
        let title = fields.text("title", required: true, log: &log)?.0
        if let title, title.count > 120, let location = fields.node("title")?.location {
            log.warning("the title is \(title.count) characters long; headlines read best under 120", at: location)
        }
        let date = readDate(fields, source: source, folder: folder, dates: dates, log: &log)
        let updated = fields.date("updated", parser: dates, log: &log)
        let expires = fields.date("expires", parser: dates, log: &log)
        if let date, let expires, expires <= date, let location = fields.node("expires")?.location {
            log.error("'expires' must come after 'date'", at: location)
        }
        if let date, let updated, updated < date, let location = fields.node("updated")?.location {
            log.warning("'updated' is before 'date'", at: location)
        }
        let slug = readSlug(fields, source: source, folder: folder, log: &log)
        let image = readImage(fields, log: &log)
        let tags = (fields.textList("tags", log: &log) ?? []).compactMap { tag, location -> (String, SourceLocation)? in
            let trimmed = tag.trimmedASCIISpace
            if trimmed.isEmpty || !Slug.hasLetterOrDigit(trimmed) {
                log.error("tag '\(tag)' has no letters or digits to make a URL from", at: location)
                return nil
            }
            return (trimmed, location)
        }
        let aliases = (fields.textList("aliases", log: &log) ?? []).map { (path: $0.0, location: $0.1) }
        guard let title, let date, let slug else { return nil }
        var item = NewsItem(
            sourcePath: source.markdownPath,
            bundlePath: source.bundlePath,
            title: title,
            date: date,
            updated: updated,
            expires: expires,
            slug: slug,
            summary: fields.text("summary", log: &log)?.0,
            tags: tags.map(\.0),
            tagLocations: tags.map(\.1),
            location: fields.text("location", log: &log)?.0,
            author: fields.text("author", log: &log)?.0,
            image: image,
            draft: fields.bool("draft", log: &log) ?? false,
            aliases: aliases,
            body: "",
            bodyFirstLine: file.frontMatter.bodyFirstLine,
            contentHash: file.contentHash
        )
        item.fragmentLinkPaths = file.frontMatter.bodyBytes.withUnsafeBytes { FragmentLinkScan.paths(in: $0.bindMemory(to: UInt8.self)) }
        item.keepsOriginalImages = fields.bool("original_images", log: &log) ?? false
        if let (id, location) = fields.text("id", log: &log) {
            if let problem = TagURI.problem(in: id) {
                log.error("'id' must be a tag URI like tag:example.org,2026-11-12:\(slug) (RFC 4151): \(problem)", at: location)
                return nil
            }
            item.id = id
            item.idLocation = location
        }
        return (item, file.frontMatter.bodyBytes)
    }

    /// `date`, or the day the name starts with (`2024-03-01-x`) at midnight in the site timezone.
    /// With both, a `date` on another calendar day (as written, in its own offset) is a warning.
    private static func readDate(_ fields: FieldReader, source: Source, folder: SourceFolder, dates: DateParser, log: inout DiagnosticLog) -> PublicationDate? {
        let prefix = Slug.splitDatePrefix(source.name).date
        let named = prefix.flatMap { try? dates.parse($0).get() }
        guard fields.node("date").map({ !$0.isNull }) ?? false else {
            if let named { return named }
            if let prefix, case .failure(.outOfRange(let reason)) = dates.parse(prefix) {
                log.error("the date '\(prefix)' in the file name is not a real date: \(reason)", at: folder.location(source.markdownPath))
                return nil
            }
            return fields.date("date", parser: dates, required: true, log: &log)
        }
        let date = fields.date("date", parser: dates, required: true, log: &log)
        if let date, let named, date.isoDay != named.isoDay, let location = fields.node("date")?.location {
            log.warning("'date' (\(date.isoDay)) is not the day in the file name (\(named.isoDay))", at: location)
        }
        return date
    }

    private static func readSlug(_ fields: FieldReader, source: Source, folder: SourceFolder, log: inout DiagnosticLog) -> String? {
        if let (slug, location) = fields.text("slug", log: &log) {
            guard Slug.isValid(slug) else {
                log.error("slug '\(slug)' may hold only lower-case letters, digits, '-' and '_' (e.g. '\(Slug.make(from: slug))')", at: location)
                return nil
            }
            return slug
        }
        let name = Slug.splitDatePrefix(source.name).slug
        return Slug.fromFileName(name, at: folder.location(source.markdownPath), log: &log)
    }

    private static func readImage(_ fields: FieldReader, log: inout DiagnosticLog) -> HeroImage? {
        guard let image = fields.map("image", log: &log) else { return nil }
        image.warnAboutUnknownKeys(known: ["src", "alt", "caption", "credit", "focus"], log: &log)
        let src = image.text("src", required: true, log: &log)
        let alt = image.text("alt", log: &log)
        if alt == nil {
            log.error("missing required key 'image.alt': describe the image for people who cannot see it", at: image.location)
        }
        var focus: ImageFocus?
        if let (text, location) = image.text("focus", log: &log) {
            focus = ImageFocus(text)
            if focus == nil {
                log.error("'image.focus' must be two percentages, across then down, like '50% 30%', not '\(text)'", at: location)
            }
        }
        guard let src, let alt else { return nil }
        return HeroImage(
            src: src.0, alt: alt.0,
            caption: image.text("caption", log: &log)?.0,
            credit: image.text("credit", log: &log)?.0,
            location: src.1,
            focus: focus
        )
    }
}
