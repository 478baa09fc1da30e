/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The candidates closest to `word`, at most a third of its length away.
    static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let threshold = max(2, word.count / 3)
        return candidates
            .map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= threshold }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
            .map(\.0)
    }

    /// " (did you mean 'x'?)" or "" when nothing is close.
    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        let close = closest(to: word, in: candidates)
        guard !close.isEmpty else { return "" }
        return "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
