import Foundation

/// Little-endian fields with length-prefixed strings.
struct BinaryWriter {
    /// Bytes, not `Data`: appending many small fields to `Data` cost more than the rest.
    var data: [UInt8] = []

    mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64(value))) }
    mutating func uint(_ value: UInt64) {
        var value = value  // low byte first: little-endian on any host
        for _ in 0..<8 {
            data.append(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }
    mutating func double(_ value: Double) { uint(value.bitPattern) }
    mutating func bool(_ value: Bool) { data.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        int(value.utf8.count)
        data.append(contentsOf: value.utf8)
    }
    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }
    mutating func location(_ value: SourceLocation) {
        string(value.path)
        int(value.line)
        int(value.column)
    }
    mutating func date(_ value: PublicationDate?) {
        bool(value != nil)
        guard let value else { return }
        int(value.year)
        int(value.month)
        int(value.day)
        int(value.hour)
        int(value.minute)
        int(value.second)
        int(value.offsetSeconds)
        bool(value.hasTime)
        double(value.instant.timeIntervalSince1970)
    }
}

/// Reads what `BinaryWriter` wrote; every read is nil past the end.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }
    mutating func int() -> Int? { uint().map { Int(Int64(bitPattern: $0)) } }
    mutating func double() -> Double? { uint().map { Double(bitPattern: $0) } }
    mutating func bool() -> Bool? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset] == 1
    }
    mutating func string() -> String? {
        guard let count = int(), count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }
    mutating func optional() -> String?? {
        guard let present = bool() else { return nil }
        return present ? string().map { Optional($0) } : .some(nil)
    }
    mutating func location() -> SourceLocation? {
        guard let path = string(), let line = int(), let column = int() else { return nil }
        return SourceLocation(path: path, line: line, column: column)
    }
    mutating func date() -> PublicationDate?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        var fields: [Int] = []
        for _ in 0..<7 {
            guard let field = int() else { return nil }
            fields.append(field)
        }
        guard let hasTime = bool(), let instant = double() else { return nil }
        return PublicationDate(
            year: fields[0], month: fields[1], day: fields[2], hour: fields[3], minute: fields[4], second: fields[5],
            offsetSeconds: fields[6], hasTime: hasTime, instant: Date(timeIntervalSince1970: instant)
        )
    }
}
