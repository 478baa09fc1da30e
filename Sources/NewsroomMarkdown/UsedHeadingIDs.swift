/// The heading ids given so far in one document, each with the number its last repeat got.
///
/// A document has a handful of headings: while it has few ids they are compared one by one,
/// which costs less than making and hashing into a dictionary per document; past
/// `listedLimit` they are hashed, so a document with thousands of headings stays linear.
struct UsedHeadingIDs {
    private static let listedLimit = 16

    private var ids: [String] = []
    private var repeats: [Int] = []
    /// Each id's place in `ids`, once there are more than `listedLimit`.
    private var places: [String: Int]?

    init(minimumCapacity: Int = 0) {
        ids.reserveCapacity(min(minimumCapacity, Self.listedLimit))
        repeats.reserveCapacity(min(minimumCapacity, Self.listedLimit))
    }

    private func place(of id: String) -> Int? {
        if let places { return places[id] }
        return ids.firstIndex(of: id)
    }

    func contains(_ id: String) -> Bool {
        place(of: id) != nil
    }

    /// Adds `id` (not yet given), its repeats numbered from 1.
    mutating func insert(_ id: String) {
        ids.append(id)
        repeats.append(0)
        if places != nil {
            places?[id] = ids.count - 1
        } else if ids.count > Self.listedLimit {
            places = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        }
    }

    /// The next number for a repeat of `base` (given already).
    mutating func nextRepeat(of base: String) -> Int {
        let place = place(of: base)!
        repeats[place] += 1
        return repeats[place]
    }
}
