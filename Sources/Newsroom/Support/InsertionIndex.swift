extension Array {
    /// The first index whose element is not `before` the one looked for, in an array sorted so
    /// that `before` holds for a prefix of it.
    func insertionIndex(where before: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if before(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
