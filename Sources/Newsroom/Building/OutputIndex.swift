/// Every file the build will write, who it comes from, and how sources map to outputs.
///
/// Built before any Markdown is rendered, so links between items can be checked and rewritten.
struct OutputIndex {
    /// Markdown source (and bundle folder) → the page written for it.
    private(set) var pageBySource: [String: String] = [:]
    /// Site-relative source file (static or bundle asset) → output path.
    private(set) var fileBySource: [String: String] = [:]
    /// Output path → the source that claims it, as shown to the author.
    private(set) var owners: [String: String] = [:]

    /// Room for `outputs` claimed paths and `sources` pages' sources, so that a site's thousands
    /// of claims do not grow the maps again and again.
    mutating func reserveCapacity(outputs: Int, sources: Int) {
        owners.reserveCapacity(outputs)
        pageBySource.reserveCapacity(sources)
    }

    /// Claims `output` for `owner`; a second claim is an error naming both.
    mutating func claim(_ output: String, by owner: String, at location: @autoclosure () -> SourceLocation, log: inout DiagnosticLog) -> Bool {
        let key = Self.folded(output)
        if let existing = owners[key] {
            if existing != owner {
                log.error("'\(output)' would be written twice: by \(existing) and by \(owner)", at: location())
            }
            return false
        }
        owners[key] = owner
        return true
    }

    /// `path` lower-cased (two paths that differ only in case are one file on some disks); the
    /// path itself when it has no upper-case letter, as nearly all do, without a copy.
    static func folded(_ path: String) -> String {
        let hasUpper = path.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }
        return hasUpper ? path.lowercased() : path
    }

    mutating func addPage(source: String, output: String) {
        pageBySource[source] = output
    }

    mutating func addFile(source: String, output: String) {
        fileBySource[source] = output
    }

    func page(forSource source: String) -> String? {
        pageBySource[source]
    }

    func file(forSource source: String) -> String? {
        fileBySource[source]
    }

    /// Every source → output pair, hashed: a page whose links were rewritten through this map
    /// must be rendered again when it changes.
    var digest: UInt64 {
        // The sum of every entry's own hash: the same for the same entries in any order, so the
        // maps (over 15,000 paths each at 10,000 items) need no sorting.
        var sum: UInt64 = 0
        forEachEntryHash { sum &+= $0 }
        var hasher = KeyHasher()
        hasher.combine(sum)
        hasher.combine(pageBySource.count)
        hasher.combine(fileBySource.count)
        hasher.combine(owners.count)
        return hasher.value
    }

    /// Every entry's own hash, sorted (to tell whether one map holds another).
    var entryHashes: [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(pageBySource.count + fileBySource.count + owners.count)
        forEachEntryHash { hashes.append($0) }
        return hashes.sorted()
    }

    private func forEachEntryHash(_ body: (UInt64) -> Void) {
        func add(_ kind: Int, _ key: String, _ value: String) {
            var hasher = KeyHasher()
            hasher.combine(kind)
            hasher.combine(key)
            hasher.combine(value)
            body(hasher.value)
        }
        for (source, output) in pageBySource { add(1, source, output) }
        for (source, output) in fileBySource { add(2, source, output) }
        for output in owners.keys { add(3, output, "") }
    }

    func contains(_ output: String) -> Bool {
        owners[Self.folded(output)] != nil
    }
}
