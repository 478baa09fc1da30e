import Foundation

/// What loading a news item file produced (the item, or nothing, and its diagnostics), keyed by
/// the file's size, modification time and inode; the `IncrementalState` keeps it between builds. A rebuild
/// restores unchanged items from it instead of reading and parsing 10,000 files again; their
/// bodies are read only when a page that shows them has to be rendered.
struct ItemCache {
    static let version = "newsroom-items 3"

    struct Fingerprint: Equatable {
        var size: Int
        var modified: Double
        var inode: UInt64

        static func of(_ status: FileStatus?) -> Fingerprint? {
            guard let status, status.isRegular else { return nil }
            return Fingerprint(size: status.size, modified: status.modified, inode: status.inode)
        }
    }

    struct Record {
        var fingerprint: Fingerprint
        var item: NewsItem?
        var diagnostics: [Diagnostic]
    }

    var records: [String: Record] = [:]
    /// False when every record came from the previous cache unchanged (then it is not rewritten).
    var changed = true
    /// What the records were made with (see `header(timeZone:site:)`).
    var header = ""

    /// Anything a cached item depends on besides its own file: the generator and the timezone
    /// its dates were read in.
    static func header(timeZone: TimeZone, site: SourceFolder) -> String {
        var header = version + "\u{0}" + timeZone.identifier + "\u{0}" + site.displayName + "\u{0}" + site.url.path
        if let binary = GeneratorIdentity.status {
            header += "\u{0}\(binary.size)\u{0}\(binary.modified)"
        }
        return header
    }
}
