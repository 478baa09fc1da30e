import Foundation

/// What the cron job's operator asks: which items are drafts, scheduled or expired.
public enum Inventory {
    public enum Kind: String, CaseIterable, Sendable {
        case drafts, scheduled, expired
    }

    public struct Line: Sendable, Equatable {
        /// The item's date in the site timezone (`2027-01-05 09:00`).
        var date: String
        var path: String
        var title: String

        public var description: String { "\(date)  \(path)  \(title)" }
    }

    /// Loads the site and lists the items of `kind`, oldest first.
    public static func list(_ kind: Kind, site: SourceFolder, themes: SourceFolder, now: Date, nowText: String?) -> Result<[Line], Diagnostics> {
        var log = DiagnosticLog()
        guard let source = SiteLoader.load(site: site, themes: themes, baseURLOverride: nil, cleanURLs: nil, log: &log), !log.hasErrors else {
            return .failure(Diagnostics(log.sorted.filter { $0.severity == .error }))
        }
        let dates = DateParser(timeZone: source.config.timeZone)
        var clock = now
        if let nowText, case .success(let parsed) = dates.parse(nowText) { clock = parsed.instant }
        let publication = Publication(now: clock)
        let chosen = source.items.filter { item in
            switch kind {
            case .drafts: return item.draft
            case .scheduled: return !item.draft && publication.isScheduled(item)
            case .expired: return publication.isExpired(item)
            }
        }
        let lines = chosen.sorted { $0.date < $1.date }.map { item -> Line in
            let local = dates.fields(of: kind == .expired ? item.expires!.instant : item.date.instant)
            let stamp = local.isoDay + " " + PublicationDate.pad(local.hour) + ":" + PublicationDate.pad(local.minute)
            return Line(date: stamp, path: site.display(item.sourcePath), title: item.title)
        }
        return .success(lines)
    }
}
