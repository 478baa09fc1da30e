import Foundation

/// Fields with length-prefixed strings: hashes and times as 8 little-endian bytes, counts,
/// sizes and dates' fields as variable-length integers (most take one or two bytes, and at
/// 100,000 items the state file is read and written on every build).
struct BinaryWriter {
    /// Bytes, not `Data`: appending many small fields to `Data` cost more than the rest.
    var data: [UInt8] = []
    /// The path of the last location written: the next one in the same file is written as a
    /// reference to it (an item's tags, image and id all point into its own file).
    private var lastPath: String?

    /// Zigzag (small negative numbers stay small), then seven bits a byte, low first.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            data.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        data.append(UInt8(rest))
    }
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
        if value.path == lastPath {
            int(-1)
        } else {
            string(value.path)
            lastPath = value.path
        }
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

extension BinaryWriter {
    /// Appends every entry of `entries` in the dictionary's order, as `encode` writes it, handing
    /// `flush` each megabyte. Runs of entries are encoded on all cores, each into its own bytes,
    /// a few runs at a time (so the memory held stays a few megabytes): the state is written
    /// when nothing else is left to do, and one core encoding it would leave the others idle.
    mutating func append<Key, Value>(
        _ entries: [Key: Value], flush: (inout BinaryWriter) throws -> Void, _ encode: (inout BinaryWriter, Key, Value) -> Void
    ) rethrows {
        let runLength = 512, runsAtOnce = 8
        var starts: [Dictionary<Key, Value>.Index] = []
        var index = entries.startIndex, counted = 0
        while index != entries.endIndex {
            if counted % runLength == 0 { starts.append(index) }
            entries.formIndex(after: &index)
            counted += 1
        }
        for first in stride(from: 0, to: starts.count, by: runsAtOnce) {
            let runs = starts[first..<min(starts.count, first + runsAtOnce)]
            let encoded = ParallelMap.run(runs.count) { number -> [UInt8] in
                let run = runs.startIndex + number
                let end = run + 1 < starts.count ? starts[run + 1] : entries.endIndex
                // A run starts with no location to refer back to: its first is written in full.
                var writer = BinaryWriter()
                var index = starts[run]
                while index != end {
                    let (key, value) = entries[index]
                    encode(&writer, key, value)
                    entries.formIndex(after: &index)
                }
                return writer.data
            }
            for bytes in encoded {
                data.append(contentsOf: bytes)
                if data.count >= 1 << 20 { try flush(&self) }
            }
        }
        // The reader's last location is now one a run wrote.
        lastPath = nil
    }
}

/// Reads what `BinaryWriter` wrote; every read is nil past the end.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    /// See `BinaryWriter.lastPath`.
    private var lastPath: String?

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
    mutating func int() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }
            shift += 7
        }
        return nil
    }
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
        let start = offset
        let path: String
        if int() == -1, let last = lastPath {
            path = last  // shared, not a copy per location
        } else {
            offset = start
            guard let read = string() else { return nil }
            path = read
            lastPath = read
        }
        guard let line = int(), let column = int() else { return nil }
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
