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

    static func assign(_ items: inout [NewsItem], baseURL: String, folder: SourceFolder, log: inout DiagnosticLog) {
        let host = URL(string: baseURL)?.host ?? "localhost"
        var derived: [Int] = []
        for index in items.indices where items[index].idLocation == nil {
            let date = items[index].date
            items[index].id = TagURI.make(host: host, year: date.year, month: date.month, day: date.day, slug: items[index].slug)
            derived.append(index)
        }
        warnAboutDerived(derived, of: items, host: host, folder: folder, log: &log)
        reportDuplicates(items, folder: folder, log: &log)
    }

    /// Indices, not items, are sorted: at 100,000 items copying and moving whole items cost
    /// more than the rest of a no-op rebuild's check.
    private static func warnAboutDerived(_ derived: [Int], of items: [NewsItem], host: String, folder: SourceFolder, log: inout DiagnosticLog) {
        guard !derived.isEmpty else { return }
        let sorted = derived.sorted { items[$0].sourcePath < items[$1].sourcePath }
        let count = sorted.count == 1 ? "1 news item has" : "\(sorted.count) news items have"
        var lines = sorted.prefix(listedLimit).map { index in
            "  \(folder.display(items[index].sourcePath)):2:1: id: \(items[index].id)"
        }
        if sorted.count > listedLimit {
            lines.append("  … and \(sorted.count - listedLimit) more: each gets `id: tag:\(host),DATE:SLUG` with its own day (YYYY-MM-DD) and slug")
        }
        let message = "\(count) \(unpinnedPhrase), so feed readers will show \(sorted.count == 1 ? "it" : "each") as new if \(sorted.count == 1 ? "its" : "a") slug changes; "
            + "pin \(sorted.count == 1 ? "it" : "them") by adding this line after the opening '---':\n" + lines.joined(separator: "\n")
        log.warning(message, at: folder.location(items[sorted[0]].sourcePath))
    }

    /// Two items with one id would be one entry to every feed reader: an error at each later
    /// one, naming the file that has it first. Two derived ids are the same only for items of
    /// one day and slug, which planning already reports as one page written twice.
    private static func reportDuplicates(_ items: [NewsItem], folder: SourceFolder, log: inout DiagnosticLog) {
        var first: [String: Int] = [:]
        first.reserveCapacity(items.count)
        for index in items.indices.sorted(by: { items[$0].sourcePath < items[$1].sourcePath }) {
            guard let earlier = first[items[index].id] else {
                first[items[index].id] = index
                continue
            }
            let item = items[index], other = items[earlier]
            if item.idLocation == nil, other.idLocation == nil { continue }
            let how = { (item: NewsItem) in item.idLocation == nil ? " (derived from its date and slug)" : "" }
            log.error(
                "'\(folder.display(item.sourcePath))'\(how(item)) and '\(folder.display(other.sourcePath))'\(how(other)) have the same id '\(item.id)'; give one of them its own id",
                at: item.idLocation ?? folder.location(item.sourcePath)
            )
        }
    }
}
