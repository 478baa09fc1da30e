/// Trimming for every module: by byte where the characters trimmed are ASCII, by character
/// where a caller's set holds `"\r\n"` or Unicode whitespace.
extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without leading and trailing spaces, tabs, line feeds and carriage returns, by byte
    /// (Foundation's `trimmingCharacters` goes through NSString).
    package var trimmedASCIISpace: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !ASCII.isSpace($0) }) else { return "" }
        let end = utf8.index(after: utf8.lastIndex(where: { !ASCII.isSpace($0) })!)
        if first == utf8.startIndex, end == utf8.endIndex, let whole = self as? String { return whole }
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }

    /// Without the characters of `characters` at either end, compared as characters: `"\r\n"`
    /// in `characters` is one character, and does not make a lone `"\r"` trimmed.
    package func trimming(_ characters: String) -> SubSequence {
        trimming(where: { characters.contains($0) })
    }

    /// Without the characters `isTrimmed` accepts at either end.
    package func trimming(where isTrimmed: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return self[first...last]
    }

    /// Without the bytes `isTrimmed` accepts at either end, looked at by byte (cheaper than
    /// comparing characters, which walks grapheme clusters); `isTrimmed` accepts ASCII only.
    package func trimmingBytes(where isTrimmed: (UInt8) -> Bool) -> SubSequence {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !isTrimmed($0) }) else { return self[endIndex...] }
        let last = utf8.lastIndex(where: { !isTrimmed($0) })!
        return self[first..<utf8.index(after: last)]
    }
}

extension String {
    /// As `StringProtocol.trimmedASCIISpace`; a string with nothing to trim (nearly every link
    /// and name) is returned as it is, without walking it.
    package var trimmedASCIISpace: String {
        if let first = utf8.first, let last = utf8.last, !ASCII.isSpace(first), !ASCII.isSpace(last) { return self }
        return self[...].trimmedASCIISpace
    }
}
