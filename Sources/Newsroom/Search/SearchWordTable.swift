/// A hash table from a word's UTF-8 bytes to a number, for the tokenizer's hottest lookup (once
/// per word of every body): the words are kept end to end in one byte array and hashed with
/// FNV-1a, where a `[[UInt8]: Int]` would hash byte by byte through `Hasher` and keep an array
/// per word.
struct SearchWordTable {
    private var bytes: [UInt8] = []
    /// Open addressing, linear probing; a slot holds an entry's index + 1, 0 when empty.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var entries: [(hash: UInt64, start: Int32, count: Int32, value: Int)] = []

    /// The number stored for `word`, if any.
    func value(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash, matches(entry.start, entry.count, word) { return entry.value }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Stores `value` for `word`, which the table does not hold yet.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, value: Int) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(word)
        entries.append((hash, Int32(bytes.count), Int32(word.count), value))
        bytes.append(contentsOf: word)
        place(entries.count - 1, hash: hash)
    }

    private func matches(_ start: Int32, _ count: Int32, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(count) == word.count else { return false }
        let start = Int(start)
        for offset in 0..<word.count where bytes[start + offset] != word[offset] { return false }
        return true
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (index, entry) in entries.enumerated() { place(index, hash: entry.hash) }
    }

    /// FNV-1a over the bytes, the high bits folded into the low ones the slot is taken from.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
