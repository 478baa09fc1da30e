import Foundation

/// What loading a news item file produced (the item, or nothing, and its diagnostics), kept
/// in the output folder keyed by the file's size, modification time and inode. A rebuild
/// restores unchanged items from it instead of reading and parsing 10,000 files again; their
/// bodies are read only when a page that shows them has to be rendered.
struct ItemCache {
    static let fileName = ".newsroom-items"
    static let version = "newsroom-items 2"

    struct Fingerprint: Equatable {
        var size: Int
        var modified: Double
        var inode: UInt64

        static func of(_ status: FileStatus?) -> Fingerprint? {
            guard let status, status.isRegular else { return nil }
            return Fingerprint(size: status.size, modified: status.modified, inode: status.inode)
        }
    }

    struct Record {
        var fingerprint: Fingerprint
        var item: NewsItem?
        var diagnostics: [Diagnostic]
    }

    var records: [String: Record] = [:]
    /// False when every record came from the previous cache unchanged (then it is not rewritten).
    var changed = true

    /// Anything a cached item depends on besides its own file: the generator and the timezone
    /// its dates were read in.
    static func header(timeZone: TimeZone, site: SourceFolder) -> String {
        var header = version + "\u{0}" + timeZone.identifier + "\u{0}" + site.displayName + "\u{0}" + site.url.path
        if let binary = GeneratorIdentity.status {
            header += "\u{0}\(binary.size)\u{0}\(binary.modified)"
        }
        return header
    }

    static func read(from folder: URL, timeZone: TimeZone, site: SourceFolder) -> ItemCache {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return ItemCache() }
        var reader = BinaryReader(data: data)
        guard reader.string() == header(timeZone: timeZone, site: site), let count = reader.int() else { return ItemCache() }
        var cache = ItemCache()
        cache.records.reserveCapacity(max(0, min(count, data.count / 16)))
        for _ in 0..<count {
            guard let path = reader.string(), let record = reader.record(sourcePath: path) else { return ItemCache() }
            cache.records[path] = record
        }
        return cache
    }

    func write(to folder: URL, timeZone: TimeZone, site: SourceFolder) {
        if let staging = stage(in: folder, timeZone: timeZone, site: site) { Self.publish(staging, in: folder) }
    }

    /// Writes the cache under a temporary name in `folder` (nil when it need not be written or
    /// could not be); `publish` puts it in place. A build writes it while the output is committed.
    func stage(in folder: URL, timeZone: TimeZone, site: SourceFolder) -> String? {
        guard changed || FileStatus.of(folder.appendingPathComponent(Self.fileName).path) == nil else { return nil }
        let staging = folder.appendingPathComponent(Self.fileName).path + ".tmp"
        // Written a megabyte at a time: at 50,000 items the whole cache in memory at once
        // (and its copies while growing) was the build's peak.
        var writer = BinaryWriter()
        writer.data.reserveCapacity(1 << 21)
        do {
            try FileSystem.local.write(staging, .working) { append in
                func flush() throws {
                    guard !writer.data.isEmpty else { return }
                    try writer.data.withUnsafeBytes { try append($0) }
                    writer.data.removeAll(keepingCapacity: true)
                }
                writer.string(Self.header(timeZone: timeZone, site: site))
                writer.int(records.count)
                for path in records.keys.sorted() {
                    writer.string(path)
                    writer.record(records[path]!)
                    if writer.data.count >= 1 << 20 { try flush() }
                }
                try flush()
            }
        } catch {
            _ = FileSystem.local.remove(staging, .working, false)
            return nil
        }
        return staging
    }

    /// Renames a staged cache into place in `folder` (or removes it when that fails).
    static func publish(_ staging: String, in folder: URL) {
        do {
            try FileSystem.local.rename(staging, folder.appendingPathComponent(fileName).path, .working)
        } catch {
            _ = FileSystem.local.remove(staging, .working, false)
        }
    }

    /// Removes a staged cache that will not be used (the build failed).
    static func discard(_ staging: String?) {
        if let staging { _ = FileSystem.local.remove(staging, .working, false) }
    }
}

/// Little-endian fields with length-prefixed strings.
private struct BinaryWriter {
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

    mutating func record(_ record: ItemCache.Record) {
        int(record.fingerprint.size)
        double(record.fingerprint.modified)
        uint(record.fingerprint.inode)
        int(record.diagnostics.count)
        for diagnostic in record.diagnostics {
            location(SourceLocation(path: diagnostic.path, line: diagnostic.line, column: diagnostic.column))
            bool(diagnostic.severity == .error)
            string(diagnostic.message)
        }
        bool(record.item != nil)
        guard let item = record.item else { return }
        optional(item.bundlePath)
        string(item.title)
        date(item.date)
        date(item.updated)
        date(item.expires)
        string(item.slug)
        optional(item.summary)
        int(item.tags.count)
        for (tag, place) in zip(item.tags, item.tagLocations) {
            string(tag)
            location(place)
        }
        optional(item.location)
        optional(item.author)
        bool(item.image != nil)
        if let image = item.image {
            string(image.src)
            string(image.alt)
            optional(image.caption)
            optional(image.credit)
            location(image.location)
        }
        bool(item.draft)
        int(item.aliases.count)
        for alias in item.aliases {
            string(alias.path)
            location(alias.location)
        }
        int(item.bodyFirstLine)
        uint(item.contentHash)
        optional(item.leadParagraph)
        int(item.fragmentLinkPaths.count)
        for path in item.fragmentLinkPaths { string(path) }
    }
}

private struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0

    init(data: Data) { bytes = [UInt8](data) }

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

    mutating func record(sourcePath: String) -> ItemCache.Record? {
        guard let size = int(), let modified = double(), let inode = uint(), let count = int(), count >= 0 else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count {
            guard let place = location(), let isError = bool(), let message = string() else { return nil }
            diagnostics.append(Diagnostic(path: place.path, line: place.line, column: place.column, severity: isError ? .error : .warning, message: message))
        }
        let fingerprint = ItemCache.Fingerprint(size: size, modified: modified, inode: inode)
        guard let hasItem = bool() else { return nil }
        guard hasItem else { return ItemCache.Record(fingerprint: fingerprint, item: nil, diagnostics: diagnostics) }
        guard let bundlePath = optional(), let title = string(), let date = date(), let published = date,
              let updated = self.date(), let expires = self.date(), let slug = string(), let summary = optional(),
              let tagCount = int(), tagCount >= 0
        else { return nil }
        var tags: [String] = [], tagLocations: [SourceLocation] = []
        for _ in 0..<tagCount {
            guard let tag = string(), let place = location() else { return nil }
            tags.append(tag)
            tagLocations.append(place)
        }
        guard let place = optional(), let author = optional(), let hasImage = bool() else { return nil }
        var image: HeroImage?
        if hasImage {
            guard let src = string(), let alt = string(), let caption = optional(), let credit = optional(), let spot = location() else { return nil }
            image = HeroImage(src: src, alt: alt, caption: caption, credit: credit, location: spot)
        }
        guard let draft = bool(), let aliasCount = int(), aliasCount >= 0 else { return nil }
        var aliases: [(path: String, location: SourceLocation)] = []
        for _ in 0..<aliasCount {
            guard let path = string(), let spot = location() else { return nil }
            aliases.append((path, spot))
        }
        guard let bodyFirstLine = int(), let contentHash = uint(), let lead = optional() else { return nil }
        var item = NewsItem(
            sourcePath: sourcePath, bundlePath: bundlePath, title: title, date: published, updated: updated, expires: expires,
            slug: slug, summary: summary, tags: tags, tagLocations: tagLocations, location: place, author: author,
            image: image, draft: draft, aliases: aliases, body: "", bodyFirstLine: bodyFirstLine, contentHash: contentHash
        )
        item.leadParagraph = lead
        guard let pathCount = int(), pathCount >= 0 else { return nil }
        for _ in 0..<pathCount {
            guard let path = string() else { return nil }
            item.fragmentLinkPaths.append(path)
        }
        return ItemCache.Record(fingerprint: fingerprint, item: item, diagnostics: diagnostics)
    }
}
