import Foundation

/// A Hugo site: `hugo.*` or `config.*` (TOML, YAML or JSON), `content/` with sections and page
/// bundles, TOML (`+++`) and YAML (`---`) front matter, `slug`, `url`, `aliases` and the
/// `permalinks` setting. Given a content folder alone, its files are read the same way.
enum HugoSource {
    static let configNames = [
        "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json",
        "config/_default/hugo.toml", "config/_default/config.toml", "config/_default/hugo.yaml", "config/_default/config.yaml",
    ]

    static func read(_ folder: ArchiveFolder, permalink: String?, report: inout ImportReport, log: inout DiagnosticLog) -> Archive {
        var archive = Archive(kind: .hugo, folder: folder)
        let config = readConfig(folder, log: &log)
        archive.site.title = config["title"]?.text
        archive.site.description = config["params"]?["description"]?.text
        if let base = config["baseURL"]?.text ?? config["baseurl"]?.text, !base.isEmpty {
            archive.site.baseURL = base.hasSuffix("/") ? base : base + "/"
        }
        archive.site.language = config["languageCode"]?.text ?? config["defaultContentLanguage"]?.text
        archive.site.timeZone = config["timeZone"]?.text
        let zone = archive.site.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        let dates = DateParser(timeZone: zone)
        let permalinks = config["permalinks"]
        let contentDir = config["contentDir"]?.text ?? "content"
        let hasContent = folder.files.contains { $0.hasPrefix(contentDir + "/") }
        let prefix = hasContent ? contentDir + "/" : ""

        for path in folder.files where path.hasPrefix(prefix) && JekyllSource.isMarkdown(path) {
            let inside = String(path.dropFirst(prefix.count))
            let components = inside.split(separator: "/").map(String.init)
            let name = (components.last! as NSString).deletingPathExtension
            if name == "_index" {
                if components.count > 1 { report.need("a section's list page is not imported: Newsroom makes its own listings", at: folder.shown(path)) }
                continue
            }
            guard let document = folder.document(path, log: &log) else { continue }
            let shown = folder.shown(path)
            let isBundle = name == "index" && components.count > 1
            let fileName = isBundle ? components[components.count - 2] : name
            let section = components.count > (isBundle ? 2 : 1) ? components[0] : ""
            let (datePart, stem) = Slug.splitDatePrefix(fileName)
            var entry = ImportedEntry(kind: .item, sourcePath: path, title: KeyMapping.titleFromName(stem), slug: Slug.make(from: stem), body: document.body)
            entry.bodyFirstLine = document.bodyFirstLine
            entry.fileStem = fileName
            entry.section = section
            if let datePart, case .success(let date) = dates.parse(datePart) { entry.date = date }
            KeyMapping.apply(document, to: &entry, path: shown, dates: dates, report: &report, log: &log)
            if section.isEmpty || entry.date == nil { entry.kind = .page }
            let explicitSlug = entry.explicitSlug
            if let own = KeyMapping.ownURL(document) {
                entry.oldURL = own.url
            } else if let pattern = permalink ?? permalinks?[section]?.text ?? permalinks?["page"]?[section]?.text {
                entry.oldURL = PermalinkPattern(pattern: pattern, flavour: .hugo).expand(entry)
            } else {
                let last = explicitSlug ?? fileName
                entry.oldURL = ("/" + (section.isEmpty ? "" : section + "/") + last + "/").lowercased()
            }
            if entry.kind == .item, !section.isEmpty { archive.listings.insert(ImportPaths.urlKey("/" + section.lowercased() + "/")) }
            archive.entries.append(entry)
        }
        return archive
    }

    private static func readConfig(_ folder: ArchiveFolder, log: inout DiagnosticLog) -> SourceValue {
        let empty = SourceValue(kind: .map([]), line: 1)
        guard let name = configNames.first(where: folder.files.contains), let text = folder.text(name, log: &log) else { return empty }
        let shown = folder.shown(name)
        if name.hasSuffix(".toml") {
            switch TOMLReader.parse(text, path: shown) {
            case .success(let value): return value
            case .failure(let diagnostic): log.add(diagnostic); return empty
            }
        }
        if name.hasSuffix(".json") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
                log.error("this configuration is not valid JSON", at: SourceLocation(path: shown))
                return empty
            }
            return value(ofJSON: object)
        }
        switch YAMLNode.parseWithYams(text, path: shown, firstLine: 1) {
        case .success(let node?): return SourceValue.from(node)
        case .success(nil): return empty
        case .failure(let diagnostic): log.add(diagnostic); return empty
        }
    }

    private static func value(ofJSON object: Any) -> SourceValue {
        switch object {
        case let map as [String: Any]:
            return SourceValue(kind: .map(map.keys.sorted().map { ($0, value(ofJSON: map[$0]!)) }), line: 1)
        case let list as [Any]:
            return SourceValue(kind: .list(list.map(value(ofJSON:))), line: 1)
        default:
            return SourceValue(kind: .text("\(object)"), line: 1)
        }
    }
}
