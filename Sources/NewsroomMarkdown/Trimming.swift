extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines (ASCII only: Foundation's
    /// `trimmingCharacters` costs microseconds per call through NSString).
    public var trimmedASCIISpace: String {
        let bytes = Array(self.utf8)
        var start = 0, end = bytes.count
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while start < end, space(bytes[start]) { start += 1 }
        while end > start, space(bytes[end - 1]) { end -= 1 }
        if start == 0, end == bytes.count, let whole = self as? String { return whole }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
