/// Takes the folded words a `SearchWordScanner` finds, one at a time.
protocol SearchWordSink {
    /// The UTF-8 bytes of one folded word (an elision left out), valid only during the call.
    mutating func take(_ word: UnsafeBufferPointer<UInt8>)
}

/// Cuts text into folded words for `SearchTokenizer`: folded (`SearchFolding`), cut into runs
/// of letters and digits, elided articles and pronouns dropped (`l'`, `d'`, `qu'` … before an
/// apostrophe, straight or curly).
///
/// It reads UTF-8 bytes: ASCII, most of any text, is folded and classified byte by byte, and
/// each other scalar once per scanner (folding a scalar on its own gives what folding the
/// whole text gives, since every combining mark is dropped and no ASCII scalar is changed by
/// the marks around it). The words go to a sink passed in, not to a closure, so the loop over
/// every byte of every body keeps its state in place, with no captured variables to box.
struct SearchWordScanner {
    /// Each non-ASCII scalar met, with where its folded scalars are in `folded`.
    private var memo: [UInt32: Range<Int>] = [:]
    /// The folded scalars of every scalar in `memo`, end to end.
    private var folded: [FoldedScalar] = []
    /// The UTF-8 of every scalar in `folded`, end to end.
    private var foldedBytes: [UInt8] = []
    /// Bytes of a word that had to be folded; a word already folded in the text (lower-case
    /// ASCII, most words of prose) is handed over where it stands, without a copy.
    private var word: [UInt8] = []

    private struct FoldedScalar {
        var value: UInt32
        var isWord: Bool
        var utf8: Range<Int>
    }

    /// Words that stand before an apostrophe in French (`l'exploitation`, `qu'il`).
    static let elisions: Set<String> = ["l", "d", "qu", "j", "n", "s", "t", "c", "m"]

    /// Hands each folded word of `text` to `sink`, in order, elisions left out.
    mutating func scan<Sink: SearchWordSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { scan($0, into: &sink) }
        end(before: 0x20, into: &sink)
    }

    private mutating func scan<Sink: SearchWordSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if word.isEmpty, Self.isFoldedWordByte(byte) {
                    let start = index
                    index += 1
                    while index < bytes.count, Self.isFoldedWordByte(bytes[index]) { index += 1 }
                    let next = index < bytes.count ? bytes[index] : 0x20
                    if next < 0x80, !(0x41...0x5A).contains(next) {
                        Self.hand(UnsafeBufferPointer(rebasing: bytes[start..<index]), before: UInt32(next), to: &sink)
                    } else {
                        word += bytes[start..<index]
                    }
                    continue
                }
                index += 1
                switch byte {
                case 0x30...0x39, 0x61...0x7A: word.append(byte)
                case 0x41...0x5A: word.append(byte + 32)
                default: end(before: UInt32(byte), into: &sink)
                }
                continue
            }
            let (scalar, length) = Self.decode(bytes, at: index)
            index += length
            for place in fold(scalar) {
                let result = folded[place]
                if result.isWord {
                    word += foldedBytes[result.utf8]
                } else {
                    end(before: result.value, into: &sink)
                }
            }
        }
    }

    /// A lower-case ASCII letter or a digit: a byte folding leaves as it is, inside a word.
    private static func isFoldedWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Hands the word ended by `separator` to `sink`, unless it is an elision, and empties it.
    private mutating func end<Sink: SearchWordSink>(before separator: UInt32, into sink: inout Sink) {
        guard !word.isEmpty else { return }
        word.withUnsafeBufferPointer { Self.hand($0, before: separator, to: &sink) }
        word.removeAll(keepingCapacity: true)
    }

    /// Hands `word`, ended by `separator`, to `sink` unless it is an elision.
    private static func hand<Sink: SearchWordSink>(_ word: UnsafeBufferPointer<UInt8>, before separator: UInt32, to sink: inout Sink) {
        let elided = (separator == 0x27 || separator == 0x2019) && word.count <= 2 && elisions.contains(String(decoding: word, as: UTF8.self))
        if !elided { sink.take(word) }
    }

    /// Where the folded scalars of `scalar` are in `folded`.
    private mutating func fold(_ scalar: Unicode.Scalar) -> Range<Int> {
        if let known = memo[scalar.value] { return known }
        let start = folded.count
        for result in SearchFolding.foldScalar(scalar).unicodeScalars {
            let bytes = foldedBytes.count
            foldedBytes += String(result).utf8
            folded.append(FoldedScalar(value: result.value, isWord: SearchFolding.isWordScalar(result), utf8: bytes..<foldedBytes.count))
        }
        memo[scalar.value] = start..<folded.count
        return start..<folded.count
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
