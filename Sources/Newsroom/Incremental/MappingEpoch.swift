/// The link map's part in the render keys, kept the same while the map only grows.
///
/// Pages rewrite their links through `OutputIndex`. A page that built without a missing link
/// (a missing link is an error, and a failed build leaves no state) builds the same with any
/// map that keeps every entry it had and adds others: each lookup finds what it found before,
/// and no two entries can answer one lookup (two sources for one item, or a file and a folder
/// of one name, are errors). So while every build's map holds the one before it, the keys use
/// the digest of the map the run began with, and adding an item does not make every page's key
/// change. Any entry removed or changed starts a new run, whose digest also folds in the one
/// before: a map that shrinks back to an earlier one must not bring back that run's keys, as a
/// page kept from it may link to an entry that is gone.
struct MappingEpoch: Equatable {
    /// The digest the keys use.
    var digest: UInt64 = 0
    /// Every entry of the build's map, hashed, sorted.
    var entries: [UInt64] = []

    /// The epoch of a build whose map is `index`, after a build that left `previous`;
    /// `entries` is `index.entryHashes` when it was already worked out.
    static func following(_ previous: MappingEpoch, index: OutputIndex, entries: [UInt64]? = nil) -> MappingEpoch {
        let entries = entries ?? index.entryHashes
        let continues = previous.digest != 0 && Self.isSorted(previous.entries, within: entries)
        guard !continues else { return MappingEpoch(digest: previous.digest, entries: entries) }
        var hasher = KeyHasher()
        hasher.combine(previous.digest)
        hasher.combine(index.digest)
        return MappingEpoch(digest: hasher.value, entries: entries)
    }

    /// Whether every value of `small` is in `large` (both sorted).
    static func isSorted(_ small: [UInt64], within large: [UInt64]) -> Bool {
        guard small.count <= large.count else { return false }
        var position = 0
        for value in small {
            while position < large.count, large[position] < value { position += 1 }
            guard position < large.count, large[position] == value else { return false }
            position += 1
        }
        return true
    }
}
