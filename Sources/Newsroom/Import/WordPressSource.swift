import Foundation
import NewsroomXML

/// A WordPress export (WXR 1.1 or 1.2), read with libxml2: published, draft and scheduled posts
/// and pages, their categories and tags, excerpts, authors, slugs and featured images. Bodies
/// stay HTML (the site gets `raw_html: true`).
enum WordPressSource {
    static func read(_ source: SourceFolder, fileSystem: FileSystem, report: inout ImportReport, log: inout DiagnosticLog) -> Archive {
        let path = source.url.path
        let shown = source.displayName
        let parent = (path as NSString).deletingLastPathComponent
        let parentShown = (shown as NSString).deletingLastPathComponent
        var archive = Archive(kind: .wordpress, folder: ArchiveFolder(root: parent, display: parentShown, fileSystem: fileSystem, listing: false))
        archive.site.needsRawHTML = true
        guard let data = fileSystem.read(path) else {
            log.error("cannot read this WordPress export", at: SourceLocation(path: shown))
            return archive
        }
        let text: String
        switch SourceText.decode(data, path: shown) {
        case .success(let source): text = source.text
        case .failure(let diagnostic): log.add(diagnostic); return archive
        }
        let (root, problem) = XMLElement.parseRecovering(text)
        if let problem {
            log.error("the export is not well-formed XML (\(problem.message)); only the items before this line are imported", at: SourceLocation(path: shown, line: problem.line, column: problem.column))
        }
        guard let channel = root?.first("channel") else {
            if problem == nil { log.error("this is not a WordPress export: no <rss><channel>", at: SourceLocation(path: shown)) }
            return archive
        }
        archive.site.title = channel.first("title")?.text
        archive.site.description = channel.first("description")?.text
        let link = channel.first("wp:base_blog_url")?.text ?? channel.first("link")?.text
        archive.site.baseURL = link.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        archive.site.language = channel.first("language")?.text
        var authors: [String: String] = [:]
        for author in channel.all("wp:author") {
            if let login = author.first("wp:author_login")?.text, let name = author.first("wp:author_display_name")?.text, !name.isEmpty {
                authors[login] = name
            }
        }
        let items = channel.all("item")
        let lines = lineNumbers(of: "<item", in: text)
        let closes = lineNumbers(of: "</item>", in: text)
        // Attachments first: featured images name them by id.
        var attachments: [String: ImportedImage] = [:]
        for item in items where item.first("wp:post_type")?.text == "attachment" {
            guard let id = item.first("wp:post_id")?.text, let url = item.first("wp:attachment_url")?.text else { continue }
            attachments[id] = ImportedImage(src: url, alt: meta("_wp_attachment_image_alt", of: item).flatMap { $0.isEmpty ? nil : $0 })
        }
        var skippedTypes: [String: (count: Int, line: Int)] = [:]
        let fileName = (shown as NSString).lastPathComponent
        for (position, item) in items.enumerated() {
            let line = position < lines.count ? lines[position] : 1
            if let problem, !(position < closes.count && closes[position] < problem.line) {
                // This item runs into the broken part: it is not trusted whole, nor are those after it.
                report.need("this item and those after it were not imported: the export breaks at line \(problem.line)", at: shown, line: line)
                break
            }
            let type = item.first("wp:post_type")?.text ?? "post"
            let status = item.first("wp:status")?.text ?? "publish"
            guard type == "post" || type == "page" else {
                if type != "attachment" { skippedTypes[type, default: (0, line)].count += 1 }
                continue
            }
            guard ["publish", "draft", "future", "pending", "private"].contains(status) else { continue }
            let title = item.first("title")?.text ?? ""
            let postName = item.first("wp:post_name")?.text ?? ""
            var entry = ImportedEntry(
                kind: type == "post" ? .item : .page, sourcePath: fileName + ":" + String(format: "%06d", line),
                title: title.isEmpty ? "Untitled" : title, slug: Slug.make(from: postName.isEmpty ? title : postName.removingPercentEncoding ?? postName),
                body: item.first("content:encoded")?.text ?? ""
            )
            entry.isHTML = true
            entry.wordpressID = item.first("wp:post_id")?.text
            entry.bodyFirstLine = line
            entry.fileStem = entry.slug
            if title.isEmpty { report.need("an item without a title: imported as 'Untitled'", at: shown, line: line) }
            entry.date = date(of: item)
            if entry.date == nil, entry.kind == .item {
                log.error("the item '\(title)' has no readable wp:post_date", at: SourceLocation(path: shown, line: line))
                continue
            }
            entry.draft = ["draft", "pending", "private"].contains(status)
            if status == "private" { report.need("a private item: imported as a draft", at: shown, line: line) }
            if let excerpt = item.first("excerpt:encoded")?.text.trimmingCharacters(in: .whitespacesAndNewlines), !excerpt.isEmpty {
                entry.summary = excerpt
            }
            var tags: [String] = []
            for category in item.all("category") where ["category", "post_tag"].contains(category.attributes["domain"] ?? "") {
                let name = category.text.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, name != "Uncategorized", !tags.contains(name) { tags.append(name) }
            }
            entry.tags = tags
            if let login = item.first("dc:creator")?.text, !login.isEmpty { entry.author = authors[login] ?? login }
            if let id = meta("_thumbnail_id", of: item), let image = attachments[id] {
                entry.image = image
                if image.alt == nil { report.need("the featured image '\(image.src)' has no alt text; write one in image.alt", at: shown, line: line) }
            }
            if status == "publish" || status == "future", let link = item.first("link")?.text, !link.contains("?") {
                entry.oldURL = ImportPaths.aliasPath(link)
            }
            archive.entries.append(entry)
        }
        for (type, skipped) in skippedTypes.sorted(by: { $0.key < $1.key }) {
            report.need("\(skipped.count) item\(skipped.count == 1 ? "" : "s") of type '\(type)' not imported", at: shown, line: skipped.line)
        }
        return archive
    }

    /// The post's date in the offset WordPress wrote it in (the difference from its GMT date), or
    /// in UTC for a draft that has no GMT date yet.
    private static func date(of item: XMLElement) -> PublicationDate? {
        let utc = DateParser(timeZone: TimeZone(identifier: "UTC")!)
        guard let local = item.first("wp:post_date")?.text, case .success(let written) = utc.parse(local) else { return nil }
        guard let gmtText = item.first("wp:post_date_gmt")?.text, !gmtText.hasPrefix("0000"),
              case .success(let gmt) = utc.parse(gmtText) else { return written }
        let offset = Int(written.instant.timeIntervalSince(gmt.instant))
        guard abs(offset) <= 14 * 3600, offset % 900 == 0 else { return written }
        let sign = offset < 0 ? "-" : "+"
        let text = local.replacingOccurrences(of: " ", with: "T") + sign + PublicationDate.pad(abs(offset) / 3600) + ":" + PublicationDate.pad(abs(offset) % 3600 / 60)
        if case .success(let date) = utc.parse(text) { return date }
        return written
    }

    private static func meta(_ key: String, of item: XMLElement) -> String? {
        item.all("wp:postmeta").first { $0.first("wp:meta_key")?.text == key }?.first("wp:meta_value")?.text
    }

    /// The line of each `<item>` (or `</item>`) in the export, in order (libxml2's tree does not
    /// keep lines).
    static func lineNumbers(of tag: String, in text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1
        let bytes = Array(text.utf8)
        let open = Array(tag.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
            } else if bytes[index] == 0x3C, index + open.count < bytes.count, Array(bytes[index..<(index + open.count)]) == open,
                      tag.hasSuffix(">") || bytes[index + open.count] == 0x3E || bytes[index + open.count] == 0x20 {
                lines.append(line)
            }
            index += 1
        }
        return lines
    }
}
