/// The planning stage: published items, listings, and a claim on every output path.
struct SitePlanner {
    var source: SiteSource
    var publication: Publication

    func plan(log: inout DiagnosticLog) -> SitePlan {
        let items = publication.select(source.items)
        let folder = source.folder
        var index = OutputIndex()
        let generated = "the generator's own pages"
        for file in [SitePlan.homeFile, SitePlan.notFoundFile, SitePlan.feedFile, SitePlan.tagsFile, SitePlan.sitemapFile, SitePlan.robotsFile] {
            _ = index.claim(file, by: generated, at: folder.location("site.yml"), log: &log)
        }
        var copies: [CopiedFile] = []
        var itemFiles: [String] = []
        for item in items {
            let file = item.outputFolder + "index.html"
            let location = folder.location(item.sourcePath)
            itemFiles.append(file)
            if index.claim(file, by: location.path, at: location, log: &log) {
                index.addPage(source: item.sourcePath, output: file)
                if let bundle = item.bundlePath {
                    index.addPage(source: bundle, output: file)
                    for asset in source.bundleFiles[bundle] ?? [] {
                        let output = item.outputFolder + asset.dropFirst(bundle.count + 1)
                        if index.claim(output, by: folder.display(asset), at: folder.location(asset), log: &log) {
                            index.addFile(source: asset, output: output)
                            copies.append(CopiedFile(sourceURL: folder.file(asset), outputPath: output))
                        }
                    }
                }
            }
        }
        var pageFiles: [String] = []
        for page in source.pages {
            let file = page.outputFolder + "index.html"
            let location = folder.location(page.sourcePath)
            pageFiles.append(file)
            if index.claim(file, by: location.path, at: location, log: &log) {
                index.addPage(source: page.sourcePath, output: file)
            }
        }
        // A site has few distinct tag names and many uses of each: slug each name once.
        var slugs: [String: String] = [:]
        for item in items {
            for name in item.tags where slugs[name] == nil { slugs[name] = Slug.make(from: name) }
        }
        let (tags, tagItems) = collectTags(items, slugs: slugs, log: &log)
        let itemTagSlugs = items.map { item -> [String] in
            var seen = Set<String>()
            return item.tags.map { slugs[$0]! }.filter { seen.insert($0).inserted }
        }
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1.slug, $0) })
        let news = Listing(kind: .news, title: "News", folder: "news/", items: Array(items.indices), key: "")
        let tagListings = tags.map { tag in
            Listing(kind: .tag, title: tag.name, folder: "news/tags/\(tag.slug)/", items: tagItems[tag.slug] ?? [], key: tag.slug)
        }
        let (years, months) = archives(items)
        let perPage = source.config.perPage
        for listing in [news] + tagListings + years + months {
            for page in 1...listing.pageCount(perPage: perPage) {
                _ = index.claim(listing.file(page: page), by: generated, at: folder.location("site.yml"), log: &log)
            }
        }
        for tag in tags {
            _ = index.claim(SitePlan.tagFeedFile(tag), by: generated, at: folder.location("site.yml"), log: &log)
        }
        for file in source.theme.assets {
            let output = file.outputPath
            if index.claim(output, by: "theme '\(source.theme.name)'", at: folder.location("site.yml"), log: &log) {
                copies.append(file)
            }
        }
        for file in source.staticFiles {
            let shown = folder.display("static/" + file.outputPath)
            if index.claim(file.outputPath, by: shown, at: folder.location("static/" + file.outputPath), log: &log) {
                index.addFile(source: "static/" + file.outputPath, output: file.outputPath)
                copies.append(file)
            }
        }
        let aliases = planAliases(items, itemFiles: itemFiles, index: &index, log: &log)
        let links = ContentLinks(index: index, linker: Linker(baseURL: source.config.baseURL, cleanURLs: source.config.cleanURLs))
        let images = items.map { item -> ImageTarget? in
            guard let image = item.image else { return nil }
            switch links.resolve(image.src, isImage: true, sourcePath: item.sourcePath) {
            case .target(let file, let suffix): return .file(file, suffix: suffix)
            case .keep: return .external(image.src)
            case .dropped, .missing: return nil
            }
        }
        var plan = SitePlan(
            items: items, pages: source.pages, itemFiles: itemFiles, pageFiles: pageFiles,
            news: news, tags: tags, itemTagSlugs: itemTagSlugs, tagIndex: tagIndex, tagListings: tagListings, yearListings: years, monthListings: months,
            copies: copies.sorted { $0.outputPath < $1.outputPath }, aliases: aliases, index: index
        )
        plan.itemImages = images
        return plan
    }

    /// Tags by slug: spellings that slug alike are one tag, shown in the spelling most items use
    /// (the oldest item's on a tie, and the first it writes if it writes both); every other
    /// spelling is warned about where it is written.
    private func collectTags(_ items: [NewsItem], slugs: [String: String], log: inout DiagnosticLog) -> ([Tag], [String: [Int]]) {
        // Each spelling gets a number on first sight, so each use costs one hash, not several.
        var ids: [String: Int] = [:]
        var spelling: [String] = []
        var count: [Int] = []
        var first: [(position: Int, index: Int)] = []
        var members: [String: [Int]] = [:]
        for (position, item) in items.enumerated() {
            for (index, name) in item.tags.enumerated() {
                let id: Int
                if let known = ids[name] {
                    id = known
                } else {
                    id = spelling.count
                    ids[name] = id
                    spelling.append(name)
                    count.append(0)
                    first.append((-1, 0))
                }
                count[id] += 1
                // Items run newest first: what is left is the oldest item's first use.
                if first[id].position != position { first[id] = (position, index) }
                let slug = slugs[name]!
                if members[slug]?.last != position { members[slug, default: []].append(position) }
            }
        }
        // Most uses, then the oldest item's, then the first it writes, then the smaller text.
        func rank(_ id: Int) -> (Int, Int, Int) { (count[id], first[id].position, -first[id].index) }
        var chosen: [String: Int] = [:]
        for id in spelling.indices {
            let slug = slugs[spelling[id]]!
            if let current = chosen[slug], rank(current) > rank(id) || rank(current) == rank(id) && spelling[current] < spelling[id] { continue }
            chosen[slug] = id
        }
        let names = chosen.mapValues { spelling[$0] }
        // Where each chosen spelling is first written, so a clash names both files.
        var chosenAt: [String: String] = [:]
        for item in items.reversed() {
            for name in item.tags where names[slugs[name]!] == name && chosenAt[slugs[name]!] == nil {
                chosenAt[slugs[name]!] = source.folder.display(item.sourcePath)
            }
        }
        for item in items {
            for (name, location) in zip(item.tags, item.tagLocations) {
                let slug = slugs[name]!
                if let chosen = names[slug], chosen != name {
                    log.warning("tag '\(name)' is spelt '\(chosen)' in \(chosenAt[slug] ?? "another item"); both are the tag '\(slug)'", at: location)
                }
            }
        }
        let tags = names.map { Tag(name: $0.value, slug: $0.key) }.sorted { $0.slug < $1.slug }
        return (tags, members)
    }

    private func archives(_ items: [NewsItem]) -> ([Listing], [Listing]) {
        var years: [Int: [Int]] = [:]
        var months: [String: [Int]] = [:]
        for (position, item) in items.enumerated() {
            years[item.date.year, default: []].append(position)
            months[PublicationDate.pad(item.date.year, width: 4) + "/" + PublicationDate.pad(item.date.month), default: []].append(position)
        }
        let yearListings = years.keys.sorted(by: >).map { year in
            Listing(kind: .year, title: "\(year)", folder: "news/\(year)/", items: years[year]!, key: "\(year)")
        }
        let monthListings = months.keys.sorted(by: >).map { key in
            let parts = key.split(separator: "/")
            let title = "\(PublicationDate.monthNames[Int(parts[1])! - 1]) \(parts[0])"
            return Listing(kind: .month, title: title, folder: "news/\(key)/", items: months[key]!, key: key)
        }
        return (yearListings, monthListings)
    }

    private func planAliases(_ items: [NewsItem], itemFiles: [String], index: inout OutputIndex, log: inout DiagnosticLog) -> [(file: String, target: String)] {
        var aliases: [(file: String, target: String)] = []
        for (position, item) in items.enumerated() {
            for alias in item.aliases {
                guard let file = Self.aliasFile(alias.path) else {
                    log.error("alias '\(alias.path)' must be a path inside the site, like /2019/old-title/", at: alias.location)
                    continue
                }
                let owner = "the alias '\(alias.path)' in \(source.folder.display(item.sourcePath))"
                if index.claim(file, by: owner, at: alias.location, log: &log) {
                    aliases.append((file, itemFiles[position]))
                }
            }
        }
        return aliases
    }

    /// `/old/path/` → `old/path/index.html`, `/old.html` → `old.html`; nil for anything unsafe.
    static func aliasFile(_ path: String) -> String? {
        guard path.hasPrefix("/"), !SitePath.isUnsafe(path), !path.contains("?"), !path.contains("#"),
              !path.contains("//") else { return nil }
        let trimmed = String(path.dropFirst())
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasSuffix("/") { return trimmed + "index.html" }
        if trimmed.hasSuffix(".html") || trimmed.hasSuffix(".htm") { return trimmed }
        return trimmed + "/index.html"
    }
}
