import Foundation

/// The item records as the `IncrementalState` file stores them.
extension ItemCache {
    /// The records in `reader`, if they were written under the same `header`; none otherwise.
    static func read(from reader: inout BinaryReader, header expected: String) -> ItemCache {
        guard reader.string() == expected, let count = reader.int(), count >= 0 else { return ItemCache() }
        var cache = ItemCache()
        cache.records.reserveCapacity(min(count, reader.remaining / 16))
        for _ in 0..<count {
            guard let path = reader.string(), let record = reader.record(sourcePath: path) else { return ItemCache() }
            cache.records[path] = record
        }
        return cache
    }

    /// Appends the records under `header`, handing `flush` each megabyte: at 50,000 items the
    /// whole cache in memory at once (and its copies while growing) was the build's peak.
    func write(to writer: inout BinaryWriter, flush: (inout BinaryWriter) throws -> Void) rethrows {
        writer.string(header)
        writer.int(records.count)
        // Unsorted, as the manifest: the reader keys the records by path.
        try writer.append(records, flush: flush) { writer, path, record in
            writer.string(path)
            writer.record(record)
        }
    }
}

extension BinaryWriter {
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
            optional(image.focus.map { "\($0.x) \($0.y)" })
        }
        bool(item.draft)
        bool(item.keepsOriginalImages)
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
        bool(item.idLocation != nil)
        if let place = item.idLocation {
            string(item.id)
            location(place)
        }
    }
}

extension BinaryReader {
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
            guard let src = string(), let alt = string(), let caption = optional(), let credit = optional(), let spot = location(), let focus = optional() else { return nil }
            image = HeroImage(src: src, alt: alt, caption: caption, credit: credit, location: spot)
            if let focus {
                let parts = focus.split(separator: " ").compactMap { Double($0) }
                guard parts.count == 2 else { return nil }
                image?.focus = ImageFocus(x: parts[0], y: parts[1])
            }
        }
        guard let draft = bool(), let keepsOriginals = bool(), let aliasCount = int(), aliasCount >= 0 else { return nil }
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
        item.keepsOriginalImages = keepsOriginals
        guard let pathCount = int(), pathCount >= 0 else { return nil }
        for _ in 0..<pathCount {
            guard let path = string() else { return nil }
            item.fragmentLinkPaths.append(path)
        }
        guard let hasID = bool() else { return nil }
        if hasID {
            guard let id = string(), let place = location() else { return nil }
            item.id = id
            item.idLocation = place
        }
        return ItemCache.Record(fingerprint: fingerprint, item: item, diagnostics: diagnostics)
    }
}
