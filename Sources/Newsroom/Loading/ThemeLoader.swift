import Foundation

/// A template file's text with where it came from.
struct TemplateSource: Sendable {
    enum Kind: String, Sendable { case layout, partial }
    var name: String
    var kind: Kind
    var text: String
    /// Path as shown to the author (`themes/default/layouts/item.mustache`).
    var displayPath: String
}

/// The theme as read from disk, with the site's overrides applied.
struct ThemeSource: Sendable {
    var name: String
    var templates: [TemplateSource]
    var icons: [IconSource]
    var assets: [CopiedFile]
}

/// An icon file's text.
struct IconSource: Sendable {
    var name: String
    var text: String
    var displayPath: String
}

/// Reads `themes/<name>/` and the site's `layouts/` and `partials/` overrides.
enum ThemeLoader {
    static let templateExtension = ".mustache"

    static func load(named name: String, themes: SourceFolder, site: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> ThemeSource? {
        let theme = SourceFolder(url: themes.file(name), displayName: themes.display(name))
        guard fileSystem.status(theme.url.path, following: true)?.isDirectory == true else {
            let available = (fileSystem.list(themes.url.path) ?? []).map(\.name).filter { !$0.hasPrefix(".") }.sorted()
            log.error(
                "theme '\(name)' not found in \(themes.displayName)\(Suggestion.didYouMean(name, in: available))",
                at: site.location("site.yml")
            )
            return nil
        }
        var templates: [String: TemplateSource] = [:]
        for kind in [TemplateSource.Kind.layout, .partial] {
            let folderName = kind == .layout ? "layouts" : "partials"
            for source in [theme, site] {
                for template in readTemplates(folderName, kind: kind, in: source, fileSystem: fileSystem, log: &log) {
                    templates[kind.rawValue + "/" + template.name] = template
                }
            }
        }
        let icons = readIcons(in: theme, fileSystem: fileSystem, log: &log)
        let assets = FolderListing.files(below: "assets", in: theme, fileSystem: fileSystem, log: &log).map {
            CopiedFile(sourceURL: theme.file($0), outputPath: $0)
        }
        return ThemeSource(
            name: name,
            templates: templates.values.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) },
            icons: icons,
            assets: assets
        )
    }

    private static func readTemplates(_ folderName: String, kind: TemplateSource.Kind, in folder: SourceFolder, fileSystem: FileSystem, log: inout DiagnosticLog) -> [TemplateSource] {
        FolderListing.files(below: folderName, in: folder, fileSystem: fileSystem, log: &log).compactMap { path in
            guard path.hasSuffix(templateExtension) else {
                log.warning("ignored: templates end in \(templateExtension)", at: folder.location(path))
                return nil
            }
            let name = String(path.dropFirst(folderName.count + 1).dropLast(templateExtension.count))
            guard let text = readText(path, in: folder, fileSystem: fileSystem, log: &log) else { return nil }
            return TemplateSource(name: name, kind: kind, text: text, displayPath: folder.display(path))
        }
    }

    private static func readIcons(in theme: SourceFolder, fileSystem: FileSystem, log: inout DiagnosticLog) -> [IconSource] {
        FolderListing.files(below: "icons", in: theme, fileSystem: fileSystem, log: &log).compactMap { path in
            guard path.hasSuffix(".svg") else {
                log.warning("ignored: icons are .svg files", at: theme.location(path))
                return nil
            }
            guard let text = readText(path, in: theme, fileSystem: fileSystem, log: &log) else { return nil }
            let name = String(path.dropFirst("icons/".count).dropLast(4))
            return IconSource(name: name, text: text, displayPath: theme.display(path))
        }
    }

    private static func readText(_ path: String, in folder: SourceFolder, fileSystem: FileSystem, log: inout DiagnosticLog) -> String? {
        guard let data = fileSystem.read(folder.file(path).path) else {
            log.error("cannot read this file", at: folder.location(path))
            return nil
        }
        switch SourceText.decode(data, path: folder.display(path)) {
        case .success(let source): return source.text
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
    }
}
