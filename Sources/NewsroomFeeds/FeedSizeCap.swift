/// Keeps a feed under a size in bytes, as readers and e-mail services reject larger ones: the
/// oldest entries lose their full content first (their summary stays), then the oldest drop
/// out, until the written feed fits.
public enum FeedSizeCap {
    /// The feed as `format` writes it, at most `maxBytes` long when any of its entries can be
    /// kept that way, with the most newest content that fits.
    public static func write(_ feed: Feed, as format: FeedFormat, maxBytes: Int) -> [UInt8] {
        let whole = format.write(feed)
        guard whole.count > maxBytes else { return whole }
        let count = feed.entries.count
        guard count > 0 else { return whole }
        var written: [Int: [UInt8]] = [:]
        func size(_ text: [UInt8], _ key: Int) -> Int {
            written[key] = text
            return text.count
        }
        // Both steps only ever shrink the file: each looks for the fewest of the oldest
        // entries it has to touch. Keys: k for k bodies stripped, count + k for k dropped.
        func stripped(_ oldest: Int) -> Feed {
            var trimmed = feed
            for index in (count - oldest)..<count { trimmed.entries[index].contentHTML = nil }
            return trimmed
        }
        if let oldest = least(in: 1...count, above: whole.count, maxBytes: maxBytes, size: { size(format.write(stripped($0)), $0) }) {
            return written[oldest] ?? format.write(stripped(oldest))
        }
        let summaries = stripped(count)
        func dropped(_ oldest: Int) -> Feed {
            var trimmed = summaries
            trimmed.entries.removeLast(oldest)
            return trimmed
        }
        let start = written[count]?.count ?? format.write(summaries).count
        let oldest = least(in: 1...count, above: start, maxBytes: maxBytes, size: { size(format.write(dropped($0)), count + $0) }) ?? count
        return written[count + oldest] ?? format.write(dropped(oldest))
    }

    /// The smallest k in `range` with `size(k) <= maxBytes`, for a `size` that shrinks as k grows
    /// and is more than `maxBytes` (`above`) just below the range; nil when none fits.
    ///
    /// A feed's size falls almost in proportion to the entries touched, so the next guess is
    /// where the line through the two closest sizes crosses the cap: a 1,000-entry feed needs
    /// a handful of writes instead of the ten a bisection takes. Past a few guesses it bisects,
    /// which bounds the writes whatever the sizes do.
    static func least(in range: ClosedRange<Int>, above: Int, maxBytes: Int, size: (Int) -> Int) -> Int? {
        var low = range.lowerBound - 1, lowSize = above
        var high = range.upperBound, highSize = size(high)
        guard highSize <= maxBytes else { return nil }
        var guesses = 0
        while high - low > 1 {
            var next = (low + high) / 2
            if guesses < 6, lowSize > highSize {
                let fraction = Double(lowSize - maxBytes) / Double(lowSize - highSize)
                next = low + Int((Double(high - low) * fraction).rounded(.up))
                next = Swift.min(Swift.max(next, low + 1), high - 1)
            }
            guesses += 1
            let nextSize = size(next)
            if nextSize <= maxBytes { (high, highSize) = (next, nextSize) } else { (low, lowSize) = (next, nextSize) }
        }
        return high
    }
}
