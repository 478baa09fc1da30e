import NewsroomFeeds

/// The planning stage: published items, listings, and a claim on every output path.
struct SitePlanner {
    var source: SiteSource
    var publication: Publication

    func plan(log: inout DiagnosticLog) -> SitePlan {
        let items = publication.select(source.items)
        let folder = source.folder
        var index = OutputIndex()
        // Each item's page and about as many listing pages, the other pages and the copies.
        let copied = source.staticFiles.count + source.theme.assets.count + source.bundleFiles.values.reduce(0) { $0 + $1.count }
        index.reserveCapacity(outputs: 2 * items.count + source.pages.count + copied, sources: items.count + source.pages.count)
        let generated = "the generator's own pages"
        let newsFeeds = FeedFormat.allCases.map { SitePlan.feedFile("news/", format: $0) }
        for file in [SitePlan.homeFile, SitePlan.notFoundFile, SitePlan.tagsFile, SitePlan.sitemapFile, SitePlan.robotsFile] + newsFeeds {
            _ = index.claim(file, by: generated, at: folder.location("site.yml"), log: &log)
        }
        var copies: [CopiedFile] = []
        var itemFiles: [String] = []
        itemFiles.reserveCapacity(items.count)
        // Items are read field by field here and below: `for item in items` copied (retained)
        // every field of every item, a sixth of this stage.
        for position in items.indices {
            let outputFolder = items[position].outputFolder
            let sourcePath = items[position].sourcePath
            let file = outputFolder + "index.html"
            itemFiles.append(file)
            if index.claim(file, by: folder.display(sourcePath), at: folder.location(sourcePath), log: &log) {
                index.addPage(source: sourcePath, output: file)
                if let bundle = items[position].bundlePath {
                    index.addPage(source: bundle, output: file)
                    for asset in source.bundleFiles[bundle] ?? [] {
                        let output = outputFolder + asset.dropFirst(bundle.count + 1)
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
        let spellings = TagSpellings(items)
        let (tags, tagItems) = collectTags(items, spellings: spellings, log: &log)
        // Each item's tags by their number in `tags`, in its order of writing, once each.
        let tagNumber = tags.indices.reduce(into: [Int](repeating: 0, count: tags.count)) { numbers, index in
            numbers[tagItems[index].slugID] = index
        }
        let itemTags = spellings.uses.map { uses -> [Int] in
            var numbers: [Int] = []
            for id in uses where !numbers.contains(tagNumber[spellings.slugID[id]]) { numbers.append(tagNumber[spellings.slugID[id]]) }
            return numbers
        }
        let paging = source.config.paging
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1.slug, $0) })
        let news = Listing(kind: .news, title: "News", folder: "news/", items: Array(items.indices), key: "", paging: paging)
        let tagListings = tags.indices.map { index in
            Listing(kind: .tag, title: tags[index].name, folder: "news/tags/\(tags[index].slug)/", items: tagItems[index].members, key: tags[index].slug, paging: paging)
        }
        let (years, months) = archives(items, paging: paging)
        for listing in [news] + tagListings + years + months {
            for page in 1...listing.pageCount {
                _ = index.claim(listing.file(page: page), by: generated, at: folder.location("site.yml"), log: &log)
            }
        }
        for listing in tagListings {
            for format in FeedFormat.allCases {
                _ = index.claim(SitePlan.feedFile(listing.folder, format: format), by: generated, at: folder.location("site.yml"), log: &log)
            }
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
        let images = items.indices.map { position -> ImageTarget? in
            guard let image = items[position].image else { return nil }
            switch links.resolve(image.src, isImage: true, sourcePath: items[position].sourcePath) {
            case .target(let file, let suffix): return .file(file, suffix: suffix)
            case .keep: return .external(image.src)
            case .dropped, .missing: return nil
            }
        }
        var plan = SitePlan(
            items: items, pages: source.pages, itemFiles: itemFiles, pageFiles: pageFiles,
            news: news, tags: tags, itemTags: itemTags, tagIndex: tagIndex, tagListings: tagListings, yearListings: years, monthListings: months,
            copies: copies.sorted { $0.outputPath < $1.outputPath }, aliases: aliases, index: index
        )
        plan.itemImages = images
        return plan
    }

    /// Tags by slug: spellings that slug alike are one tag, shown in the spelling most items use
    /// (the oldest item's on a tie, and the first it writes if it writes both); every other
    /// spelling is warned about where it is written. Sorted by slug, each with its slug's number
    /// in `spellings` and the positions of its items.
    private func collectTags(_ items: [NewsItem], spellings: TagSpellings, log: inout DiagnosticLog) -> ([Tag], [(slugID: Int, members: [Int])]) {
        let count = spellings.name.count
        let slugCount = spellings.slugs.count
        var uses = [Int](repeating: 0, count: count)
        var first = [(position: Int, index: Int)](repeating: (-1, 0), count: count)
        var members = [[Int]](repeating: [], count: slugCount)
        // The last item each slug was listed for: an item that writes a tag twice is listed once.
        var listedFor = [Int](repeating: -1, count: slugCount)
        for (position, ids) in spellings.uses.enumerated() {
            for (index, id) in ids.enumerated() {
                uses[id] += 1
                // Items run newest first: what is left is the oldest item's first use.
                if first[id].position != position { first[id] = (position, index) }
                let slug = spellings.slugID[id]
                if listedFor[slug] != position {
                    listedFor[slug] = position
                    members[slug].append(position)
                }
            }
        }
        // Most uses, then the oldest item's, then the first it writes, then the smaller text.
        func rank(_ id: Int) -> (Int, Int, Int) { (uses[id], first[id].position, -first[id].index) }
        var chosen = [Int](repeating: -1, count: slugCount)
        for id in 0..<count {
            let slug = spellings.slugID[id]
            let current = chosen[slug]
            if current >= 0, rank(current) > rank(id) || rank(current) == rank(id) && spellings.name[current] < spellings.name[id] { continue }
            chosen[slug] = id
        }
        // Only a slug written in more than one spelling has spellings to warn about.
        if count > slugCount {
            // Where each chosen spelling is first written, so a clash names both files.
            var chosenAt = [String?](repeating: nil, count: slugCount)
            for position in items.indices.reversed() {
                for id in spellings.uses[position] where chosen[spellings.slugID[id]] == id && chosenAt[spellings.slugID[id]] == nil {
                    chosenAt[spellings.slugID[id]] = source.folder.display(items[position].sourcePath)
                }
            }
            for position in items.indices {
                for (id, location) in zip(spellings.uses[position], items[position].tagLocations) {
                    let slug = spellings.slugID[id]
                    let winner = chosen[slug]
                    if winner != id {
                        log.warning("tag '\(spellings.name[id])' is spelt '\(spellings.name[winner])' in \(chosenAt[slug] ?? "another item"); both are the tag '\(spellings.slugs[slug])'", at: location)
                    }
                }
            }
        }
        let order = spellings.slugs.indices.sorted { spellings.slugs[$0] < spellings.slugs[$1] }
        return (order.map { Tag(name: spellings.name[chosen[$0]], slug: spellings.slugs[$0]) }, order.map { ($0, members[$0]) })
    }

    private func archives(_ items: [NewsItem], paging: Paging) -> ([Listing], [Listing]) {
        var years: [Int: [Int]] = [:]
        // Keyed year * 100 + month.
        var months: [Int: [Int]] = [:]
        for position in items.indices {
            let date = items[position].date
            years[date.year, default: []].append(position)
            months[date.year * 100 + date.month, default: []].append(position)
        }
        let yearListings = years.keys.sorted(by: >).map { year in
            Listing(kind: .year, title: "\(year)", folder: "news/\(year)/", items: years[year]!, key: "\(year)", paging: paging)
        }
        let monthListings = months.keys.sorted(by: >).map { number in
            let (year, month) = number.quotientAndRemainder(dividingBy: 100)
            let key = PublicationDate.pad(year, width: 4) + "/" + PublicationDate.pad(month)
            let title = "\(PublicationDate.monthNames[month - 1]) \(PublicationDate.pad(year, width: 4))"
            return Listing(kind: .month, title: title, folder: "news/\(key)/", items: months[number]!, key: key, paging: paging)
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

/// Every tag spelling the items use, numbered on first sight and slugged once (a site has few
/// distinct names and many uses of each), and each item's tags as those numbers.
struct TagSpellings {
    var name: [String] = []
    /// Each spelling's slug, as its number in `slugs`.
    var slugID: [Int] = []
    /// Every distinct slug, numbered on first sight.
    var slugs: [String] = []
    /// Per item, in its order of writing.
    var uses: [[Int]] = []

    init(_ items: [NewsItem]) {
        var ids: [String: Int] = [:]
        var slugIDs: [String: Int] = [:]
        uses.reserveCapacity(items.count)
        for position in items.indices {
            uses.append(items[position].tags.map { tag in
                if let id = ids[tag] { return id }
                ids[tag] = name.count
                name.append(tag)
                let slug = Slug.make(from: tag)
                if let known = slugIDs[slug] {
                    slugID.append(known)
                } else {
                    slugIDs[slug] = slugs.count
                    slugID.append(slugs.count)
                    slugs.append(slug)
                }
                return name.count - 1
            })
        }
    }
}
