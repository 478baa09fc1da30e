/// One entry's body made Newsroom's: template code converted, links pointing at new sources and
/// copied files, and what is left for a person noted at its body line.
struct EntryConversion {
    var body: String
    var image: ImportedImage?
    var assets = EntryAssets()
    /// Body lines (1-based) and what needs a person there.
    var needs: [(message: String, line: Int)] = []

    static func convert(_ index: Int, resolver: LinkResolver, report: inout ImportReport) -> EntryConversion {
        let entry = resolver.planned[index].entry
        var templates = TemplateConversion { resolver.link(to: $0, from: index) }
        var body = entry.body
        switch resolver.archive.kind {
        case .jekyll: body = templates.jekyll(body)
        case .hugo: body = templates.hugo(body)
        case .wordpress: body = templates.wordpress(body)
        case .markdown: body = templates.hugo(templates.jekyll(body))
        }
        var result = EntryConversion(body: body)
        report.constructsConverted += templates.converted
        for construct in templates.unresolved {
            result.needs.append(("'\(construct.text)' names nothing imported; it is left as written", construct.line))
        }
        var assets = EntryAssets()
        var rewritten = 0
        var unresolved: [(String, Int)] = []
        result.body = LinkScanner.rewrite(body) { found in
            switch resolver.resolve(found.url, from: index, assets: &assets) {
            case .external: return nil
            case .rewritten(let link):
                guard link != found.url else { return nil }
                rewritten += 1
                return link
            case .unresolved:
                unresolved.append((found.url, found.line))
                return nil
            }
        }
        if let image = entry.image {
            switch resolver.resolve(image.src, from: index, assets: &assets) {
            case .rewritten(let src): result.image = ImportedImage(src: src, alt: image.alt)
            case .external: result.image = image
            case .unresolved:
                result.image = image
                result.needs.append(("the image '\(image.src)' was not found; copy it and fix image.src", 0))
            }
        }
        result.assets = assets
        report.linksRewritten += rewritten
        for (url, line) in unresolved {
            result.needs.append(("the link '\(url)' leads to nothing imported; it is left as written", line))
        }
        for leftover in TemplateConversion.leftovers(in: result.body, wordpress: entry.isHTML) {
            let text = leftover.text.count > 60 ? String(leftover.text.prefix(57)) + "…" : leftover.text
            result.needs.append(("template code '\(text.replacingOccurrences(of: "\n", with: " "))' has no static meaning; rewrite it", leftover.line))
        }
        return result
    }
}
