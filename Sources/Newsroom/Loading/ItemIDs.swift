import Foundation

/// Gives every news item its permanent feed id and checks that no two share one.
///
/// An item without `id:` gets the tag URI `generate new` would have written (host of
/// `base_url`, its day, its slug). That id changes with the slug, so the build says, once, which
/// line to add to which file to pin it before a rename re-announces the item in every reader.
enum ItemIDs {
    /// How many files the warning lists by name; past that it gives the rule and the count.
    static let listedLimit = 25
    private static let unpinnedPhrase = "no permanent 'id'"

    /// Whether `diagnostic` is the warning that lists items without an `id`.
    static func isUnpinnedWarning(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .warning && diagnostic.message.contains(unpinnedPhrase)
    }

    /// The host derived ids are made with.
    static func host(of baseURL: String) -> String {
        URL(string: baseURL)?.host ?? "localhost"
    }

    /// Gives an item without `id:` the id derived from its day and slug.
    static func derive(_ item: inout NewsItem, host: String) {
        let date = item.date
        let id = TagURI.make(host: host, year: date.year, month: date.month, day: date.day, slug: item.slug)
        // Unchanged, the item is not copied (its fields are shared, see `NewsItem`).
        if item.id != id { item.id = id }
    }

    /// Reports the items with derived ids, and any two items with one id.
    static func check(_ items: [NewsItem], host: String, folder: SourceFolder, log: inout DiagnosticLog) {
        warnAboutDerived(items.indices.filter { items[$0].idLocation == nil }, in: items, host: host, folder: folder, log: &log)
        reportDuplicates(items, folder: folder, log: &log)
    }

    /// `derived`: the indices of the items with derived ids. Only the first few in path order
    /// are named, so only those are sorted.
    private static func warnAboutDerived(_ derived: [Int], in items: [NewsItem], host: String, folder: SourceFolder, log: inout DiagnosticLog) {
        guard !derived.isEmpty else { return }
        var first: [Int] = []
        first.reserveCapacity(listedLimit + 1)
        for index in derived where first.count < listedLimit || items[index].sourcePath < items[first[first.count - 1]].sourcePath {
            let path = items[index].sourcePath
            first.insert(index, at: first.insertionIndex { items[$0].sourcePath < path })
            if first.count > listedLimit { first.removeLast() }
        }
        let total = derived.count
        let count = total == 1 ? "1 news item has" : "\(total) news items have"
        var lines = first.map { index in
            "  \(folder.display(items[index].sourcePath)):2:1: id: \(items[index].id)"
        }
        if total > listedLimit {
            lines.append("  … and \(total - listedLimit) more: each gets `id: tag:\(host),DATE:SLUG` with its own day (YYYY-MM-DD) and slug")
        }
        let message = "\(count) \(unpinnedPhrase), so feed readers will show \(total == 1 ? "it" : "each") as new if \(total == 1 ? "its" : "a") slug changes; "
            + "pin \(total == 1 ? "it" : "them") by adding this line after the opening '---':\n" + lines.joined(separator: "\n")
        log.warning(message, at: folder.location(items[first[0]].sourcePath))
    }

    /// Two items with one id would be one entry to every feed reader: an error at each later
    /// one, naming the file that has it first. Two derived ids are the same only for items of
    /// one day and slug, which planning already reports as one page written twice.
    private static func reportDuplicates(_ items: [NewsItem], folder: SourceFolder, log: inout DiagnosticLog) {
        // Only the ids found more than once are worth going through in path order.
        var seen: Set<String> = []
        seen.reserveCapacity(items.count)
        var repeated: Set<String> = []
        for item in items where !seen.insert(item.id).inserted {
            repeated.insert(item.id)
        }
        guard !repeated.isEmpty else { return }
        var first: [String: Int] = [:]
        for index in items.indices.filter({ repeated.contains(items[$0].id) }).sorted(by: { items[$0].sourcePath < items[$1].sourcePath }) {
            let item = items[index]
            guard let earlier = first[item.id] else {
                first[item.id] = index
                continue
            }
            let other = items[earlier]
            if item.idLocation == nil, other.idLocation == nil { continue }
            let how = { (item: NewsItem) in item.idLocation == nil ? " (derived from its date and slug)" : "" }
            log.error(
                "'\(folder.display(item.sourcePath))'\(how(item)) and '\(folder.display(other.sourcePath))'\(how(other)) have the same id '\(item.id)'; give one of them its own id",
                at: item.idLocation ?? folder.location(item.sourcePath)
            )
        }
    }
}
