import Foundation
import Synchronization

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
    /// Where the terms of the items of each part are kept between builds; without one, every
    /// part written is tokenised from the items' text.
    var termCache: SearchTermCache?

    private var plan: SitePlan { renderer.plan }

    /// Hands each file to `stage`, each kept as it is when `isFresh` says the previous build
    /// wrote it from the same key. Parts are made a few at a time and staged as they are done:
    /// at 100,000 items every part's script held at once was over 100 MB.
    func files(isFresh: ((String, UInt64) -> Bool)?, log: inout DiagnosticLog, stage: (OutputFile) throws -> Void) rethrows {
        guard renderer.config.search == .local else { return }
        let all = Array(plan.items.indices)
        guard all.count > splitAbove else {
            let file = part("all", file: Self.firstFile, positions: all, isFresh: isFresh, log: &log)
            if Self.isWritten(file) { termCache?.removeAll(except: ["all"]) }
            try stage(file)
            return
        }
        // Items read in place: a copy of the plan, or of a whole item, per position costs more
        // than the grouping.
        // Items are listed by the instant their date names and parts go by the year as written,
        // so around a new year two years' items can interleave: grouped by year, not by run.
        let items = plan.items
        var positionsByYear: [Int: [Int]] = [:]
        for position in all { positionsByYear[items[position].date.year, default: []].append(position) }
        let years = positionsByYear.sorted { $0.key > $1.key }.map { (name: String($0.key), positions: $0.value) }
        let parts = years.map { (name: $0.name, file: "search/\($0.name).js", count: $0.positions.count) }
        var hasher = KeyHasher()
        hasher.combine(SearchScript.version)
        for part in parts {
            hasher.combine(part.file)
            hasher.combine(part.count)
        }
        var manifest = OutputFile.text(Self.firstFile, SearchScript.manifest(parts))
        manifest.cacheKey = hasher.value
        if renderer.keptAsBefore([Self.firstFile]) || (isFresh?(Self.firstFile, hasher.value) ?? false) {
            manifest = OutputFile(path: Self.firstFile, content: .kept)
        }
        try stage(manifest)
        // Parts on every core, one batch at a time: merging a part's postings and writing its
        // script run on one.
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var anyWritten = false
        // After a body edit, a part holding no edited item is made from what it was made from.
        let edited = renderer.editedPages.map { Set($0.items.map { String(plan.items[$0].date.year) }) }
        let rebuilt = parts.indices.filter { number in
            guard let edited, !edited.contains(parts[number].name), renderer.keptAsBefore([parts[number].file]) else { return true }
            return false
        }
        for number in parts.indices where !rebuilt.contains(number) {
            try stage(OutputFile(path: parts[number].file, content: .kept))
        }
        for start in stride(from: 0, to: rebuilt.count, by: batch) {
            let numbers = Array(rebuilt[start..<min(start + batch, rebuilt.count)])
            let written = ParallelMap.run(numbers.count) { offset -> (OutputFile, DiagnosticLog) in
                let number = numbers[offset]
                var local = DiagnosticLog()
                let file = part(parts[number].name, file: parts[number].file, positions: years[number].positions, isFresh: isFresh, log: &local)
                return (file, local)
            }
            for (file, local) in written {
                log.add(contentsOf: local.diagnostics)
                anyWritten = anyWritten || Self.isWritten(file)
                try stage(file)
            }
        }
        if anyWritten { termCache?.removeAll(except: Set(parts.map(\.name))) }
    }

    private static func isWritten(_ file: OutputFile) -> Bool {
        if case .kept = file.content { return false }
        return true
    }

    private func part(_ name: String, file: String, positions: [Int], isFresh: ((String, UInt64) -> Bool)?, log: inout DiagnosticLog) -> OutputFile {
        // Fields read in place: a copy of a whole item per position costs more than the hashing.
        let items = plan.items
        let itemFiles = plan.itemFiles
        let seed = termKeySeed
        let termKeys = positions.map { position in
            var hasher = seed
            hasher.combine(items[position].sourcePath)
            hasher.combine(items[position].contentHash)
            return hasher.value
        }
        // What a result shows comes from the item's file, its page and its date; the linker's
        // settings and the date's wording are in the global key.
        let key = renderer.keys.map { keys -> UInt64 in
            var hasher = KeyHasher()
            hasher.combine(keys.global)
            hasher.combine(SearchScript.version)
            hasher.combine(name)
            for (position, termKey) in zip(positions, termKeys) {
                let date = items[position].date
                hasher.combine(termKey)
                hasher.combine(itemFiles[position])
                hasher.combine(date.year * 10_000 + date.month * 100 + date.day)
            }
            return hasher.value
        }
        if let key, let isFresh, isFresh(file, key) { return OutputFile(path: file, content: .kept) }
        let known = termCache?.read(name).map { terms in
            let documents = terms.documentsByKey()
            return SearchIndex.KnownTerms(terms: terms, documents: termKeys.map { documents[$0] })
        }
        // Each body as it is tokenised, on every core: a part's bodies held at once were tens
        // of megabytes. A body past the memory budget is read as the terms its page's render
        // handed over; one that has none (an item the previous build loaded, a record that could
        // not be kept) is read and parsed again.
        let found = FoundDiagnostics()
        let bodies = renderer.source.bodies
        // The store is made while loading, which comes before search: it holds the terms as
        // a hand-over of any kind, ours when the site has local search (see `BuildRun.read`).
        let handed = (bodies.handOver as? SearchBodyTerms).map { terms in
            (terms, terms.documents(positions.indices.map { known?.documents[$0] == nil ? bodies.handedOver(items[positions[$0]].sourcePath) : nil }))
        }
        let body = { (number: Int) -> SearchBody in
            if let (terms, documents) = handed, let numbers = documents[number]?.numbers { return .terms(numbers, terms) }
            let position = positions[number]
            var local = DiagnosticLog()
            let text = bodies.parsed(items[position].sourcePath, contentHash: items[position].contentHash, handsOver: false, log: &local)?.plainText() ?? ""
            found.add(local.diagnostics)
            return .text(text)
        }
        let documents = positions.map { document($0, in: items, files: itemFiles) }
        let index = known.map { SearchIndex(documents, known: $0, body: body) } ?? SearchIndex(documents, body: body)
        log.add(contentsOf: found.diagnostics)
        if let termCache, known?.terms.keys != termKeys {
            termCache.write({ SearchPartTerms(of: index, keys: termKeys) }, part: name)
        }
        let written = { SearchScript.documents(documents) }
        let documentBytes = renderer.searchDocuments.map { $0.value(name, make: written) } ?? written()
        var output = OutputFile.text(file, SearchScript.part(name, index, documents: documentBytes))
        output.cacheKey = key ?? 0
        return output
    }

    /// What every item's term key starts from: the tokenizer's format and generator, and the
    /// site's settings (which shape an item's title, tags, summary and body text). An item adds
    /// its source file's path and content hash, from which the rest of its text comes.
    private var termKeySeed: KeyHasher {
        var hasher = KeyHasher()
        hasher.combine("newsroom-search-terms")
        hasher.combine(SearchScript.version)
        if let binary = GeneratorIdentity.status {
            hasher.combine(binary.size)
            hasher.combine(UInt64(binary.modified * 1_000_000))
        }
        hasher.combine(renderer.config.fileHash)
        return hasher
    }

    /// What a result shows for the item at `position` of `items` (the plan's, passed in: a copy
    /// of the plan per item costs more than the document); the body is read only when the part
    /// is written.
    private func document(_ position: Int, in items: [NewsItem], files: [String]) -> SearchDocument {
        let item = items[position]
        return SearchDocument(
            url: renderer.linker.relative(from: SitePlan.homeFile, to: files[position]),
            title: item.title,
            day: item.date.isoDay,
            dateText: item.date.long,
            summary: SearchDocument.shortened(renderer.summaries[position]),
            tags: item.tags,
            body: ""
        )
    }
}

/// The diagnostics of the bodies read for one part, from the threads that tokenise them.
private final class FoundDiagnostics: Sendable {
    private let found = Mutex<[Diagnostic]>([])

    var diagnostics: [Diagnostic] { found.withLock { $0 } }

    func add(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        found.withLock { $0 += diagnostics }
    }
}
