import Foundation

/// The search index's files for a site whose `search` is `local`: `search/index.js`, holding
/// every item, or past `splitAbove` items a list of parts in `search/index.js` and one part per
/// year (`search/2024.js`) that `search.js` loads once the reader starts a search. Each file's
/// key covers what it shows and the source of each item it holds, so a rebuild keeps every file
/// whose items did not change and reads no body for it.
struct SearchIndexFiles {
    static let firstFile = "search/index.js"
    /// About 2 MB of index: 1.4 MB on the benchmark corpus (930 bytes an item), 2.1 MB at the
    /// sample site's 1.4 KB an item (PERFORMANCE.md, "Search").
    static let defaultSplitAbove = 1_500

    let renderer: SiteRenderer
    var splitAbove = Self.defaultSplitAbove

    private var plan: SitePlan { renderer.plan }

    /// The files, each kept as it is when `isFresh` says the previous build wrote it from the
    /// same key.
    func files(isFresh: ((String, UInt64) -> Bool)?, log: inout DiagnosticLog) -> [OutputFile] {
        guard renderer.config.search == .local else { return [] }
        let all = Array(plan.items.indices)
        guard all.count > splitAbove else {
            return [part("all", file: Self.firstFile, positions: all, isFresh: isFresh, log: &log)]
        }
        var years: [(name: String, positions: [Int])] = []
        for position in all {
            let year = String(plan.items[position].date.year)
            if years.last?.name == year { years[years.count - 1].positions.append(position) } else { years.append((year, [position])) }
        }
        let parts = years.map { (name: $0.name, file: "search/\($0.name).js", count: $0.positions.count) }
        var hasher = KeyHasher()
        hasher.combine(SearchScript.version)
        for part in parts {
            hasher.combine(part.file)
            hasher.combine(part.count)
        }
        var manifest = OutputFile.text(Self.firstFile, SearchScript.manifest(parts))
        manifest.cacheKey = hasher.value
        if let isFresh, isFresh(Self.firstFile, hasher.value) { manifest = OutputFile(path: Self.firstFile, content: .kept) }
        // Parts on every core: merging a part's postings and writing its script run on one.
        let written = ParallelMap.run(parts.count) { number -> (OutputFile, DiagnosticLog) in
            var local = DiagnosticLog()
            let file = part(parts[number].name, file: parts[number].file, positions: years[number].positions, isFresh: isFresh, log: &local)
            return (file, local)
        }
        for (_, local) in written { log.add(contentsOf: local.diagnostics) }
        return [manifest] + written.map(\.0)
    }

    private func part(_ name: String, file: String, positions: [Int], isFresh: ((String, UInt64) -> Bool)?, log: inout DiagnosticLog) -> OutputFile {
        let documents = positions.map(document)
        let key = renderer.keys.map { keys -> UInt64 in
            var hasher = KeyHasher()
            hasher.combine(keys.global)
            hasher.combine(SearchScript.version)
            hasher.combine(name)
            for (position, document) in zip(positions, documents) {
                hasher.combine(plan.items[position].contentHash)
                for field in [document.url, document.title, document.day, document.dateText, document.summary] { hasher.combine(field) }
                for tag in document.tags { hasher.combine(tag) }
            }
            return hasher.value
        }
        if let key, let isFresh, isFresh(file, key) { return OutputFile(path: file, content: .kept) }
        // Bodies past the memory budget are read and parsed again, on every core.
        let bodies = ParallelMap.run(positions.count) { offset -> (String, [Diagnostic]) in
            let item = plan.items[positions[offset]]
            var local = DiagnosticLog()
            let text = renderer.source.bodies.parsed(item.sourcePath, contentHash: item.contentHash, log: &local)?.plainText() ?? ""
            return (text, local.diagnostics)
        }
        var bodied = documents
        for (offset, (text, diagnostics)) in bodies.enumerated() {
            bodied[offset].body = text
            log.add(contentsOf: diagnostics)
        }
        var output = OutputFile.text(file, SearchScript.part(name, SearchIndex(bodied)))
        output.cacheKey = key ?? 0
        return output
    }

    /// What a result shows for the item at `position`; the body is read only when the part is
    /// written.
    private func document(_ position: Int) -> SearchDocument {
        let item = plan.items[position]
        return SearchDocument(
            url: renderer.linker.relative(from: SitePlan.homeFile, to: plan.itemFiles[position]),
            title: item.title,
            day: item.date.isoDay,
            dateText: item.date.long,
            summary: SearchDocument.shortened(renderer.summaries[position]),
            tags: item.tags,
            body: ""
        )
    }
}
