/// Places in a Markdown source, each under what the page shows for it (a URL written, a
/// heading's id), in the order a render met them. A list while building: only `check` looks
/// them up, and makes its maps from it.
struct SourceMarks: Sendable {
    private(set) var entries: [(key: String, location: SourceLocation)] = []

    init() {}

    var isEmpty: Bool { entries.isEmpty }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    mutating func append(_ key: String, at location: SourceLocation) {
        entries.append((key, location))
    }

    /// Each key's place: its first when `keepingFirst`, else its last.
    func byKey(keepingFirst: Bool) -> [String: SourceLocation] {
        Dictionary(entries, uniquingKeysWith: { first, last in keepingFirst ? first : last })
    }
}
