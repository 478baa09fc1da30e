/// Keeps a feed under a size in bytes, as readers and e-mail services reject larger ones: the
/// oldest entries lose their full content first (their summary stays), then the oldest drop
/// out, until the written feed fits.
public enum FeedSizeCap {
    /// The feed as `format` writes it, at most `maxBytes` long when any of its entries can be
    /// kept that way, with the most newest content that fits.
    public static func write(_ feed: Feed, as format: FeedFormat, maxBytes: Int) -> String {
        let whole = format.write(feed)
        guard whole.utf8.count > maxBytes else { return whole }
        let count = feed.entries.count
        guard count > 0 else { return whole }
        // Both steps only ever shrink the file, so each is a binary search over how many of the
        // oldest entries it touches: the least that fits.
        func stripped(_ oldest: Int) -> Feed {
            var trimmed = feed
            for index in (count - oldest)..<count { trimmed.entries[index].contentHTML = nil }
            return trimmed
        }
        if let oldest = least(in: 1...count, fits: { format.write(stripped($0)).utf8.count <= maxBytes }) {
            return format.write(stripped(oldest))
        }
        let summaries = stripped(count)
        func dropped(_ oldest: Int) -> Feed {
            var trimmed = summaries
            trimmed.entries.removeLast(oldest)
            return trimmed
        }
        let oldest = least(in: 1...count, fits: { format.write(dropped($0)).utf8.count <= maxBytes }) ?? count
        return format.write(dropped(oldest))
    }

    /// The smallest value in `range` for which `fits` holds, given that it holds for every value
    /// above one for which it does; nil when it holds for none.
    static func least(in range: ClosedRange<Int>, fits: (Int) -> Bool) -> Int? {
        guard !range.isEmpty, fits(range.upperBound) else { return nil }
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
