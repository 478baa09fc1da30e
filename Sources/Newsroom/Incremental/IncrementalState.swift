import Foundation
import Synchronization

/// Everything one build leaves for the next, in one versioned file in the output folder: the
/// list of files it wrote with their keys (`OutputManifest`), the digest of its inputs
/// (`BuildDigest`), the warnings of each page (`BuildRecord`), the link map's epoch
/// (`MappingEpoch`) and how each item file loaded
/// (`ItemCache`). One file, written last and renamed into place, so its parts always describe
/// the same build; a missing, unknown or damaged file is read as no state: a full build.
struct IncrementalState {
    static let fileName = ".newsroom-state"
    /// Bumped whenever the layout below changes: a file of another version is not read.
    static let version = "newsroom-state 3"
    /// The files this state replaced, removed when it is written so an output folder made by an
    /// earlier version keeps no stale copies.
    static let formerFileNames = [".newsroom-manifest", ".newsroom-build", ".newsroom-items"]

    var manifest = OutputManifest()
    var record = BuildRecord()
    var items = ItemCache()
    var mapping = MappingEpoch()
    /// The site folder's name as the author sees it: the warnings' paths are written from there.
    var site = ""
    /// The item records, read only when the loader asks (their header needs the site's timezone).
    private var unreadItems: UnreadItems?
    /// The file this state was read from, to tell whether another run replaced it since.
    private var readFrom: ItemCache.Fingerprint?

    init() {}

    /// The state the last build left in `folder`; an empty one when there is none to trust.
    static func read(in folder: URL) -> IncrementalState {
        let path = folder.appendingPathComponent(fileName).path
        guard let status = FileStatus.of(path), let bytes = bytes(of: path, size: status.size) else { return IncrementalState() }
        var reader = BinaryReader(bytes: bytes)
        guard var state = read(&reader) else { return IncrementalState() }
        state.unreadItems = UnreadItems(reader: reader)
        state.readFrom = ItemCache.Fingerprint.of(status)
        return state
    }

    /// The file's bytes, read straight into the array the reader decodes: at 100,000 items the
    /// file is tens of megabytes, and reading it as `Data` first made a second copy.
    private static func bytes(of path: String, size: Int) -> [UInt8]? {
        guard size >= 0, let stream = InputStream(fileAtPath: path) else { return nil }
        stream.open()
        defer { stream.close() }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let count = stream.read(buffer.baseAddress! + filled, maxLength: size - filled)
                // A file that shrank while being read is damaged: no state.
                guard count > 0 else {
                    complete = false
                    return
                }
                filled += count
            }
        }
        return complete ? bytes : nil
    }

    private static func read(_ reader: inout BinaryReader) -> IncrementalState? {
        guard reader.string() == version, let hasDigest = reader.bool() else { return nil }
        var state = IncrementalState()
        if hasDigest {
            guard let digest = reader.uint() else { return nil }
            state.manifest.digest = digest
        }
        guard let fileCount = reader.int(), fileCount >= 0 else { return nil }
        state.manifest.entries.reserveCapacity(min(fileCount, reader.remaining / 40))
        for _ in 0..<fileCount {
            guard let path = reader.string(), let hash = reader.uint(), let size = reader.int(), let modified = reader.double(), let key = reader.uint()
            else { return nil }
            state.manifest.entries[path] = OutputManifest.Entry(hash: hash, size: size, modified: modified, key: key)
        }
        guard let site = reader.string(), let warningCount = reader.int(), warningCount >= 0 else { return nil }
        state.site = site
        for _ in 0..<warningCount {
            guard let page = reader.string(), let place = reader.location(), let message = reader.string() else { return nil }
            let warning = Diagnostic(path: place.path, line: place.line, column: place.column, severity: .warning, message: message)
            if page.isEmpty {
                state.record.buildWarnings.append(warning)
            } else {
                state.record.warningsByPage[page, default: []].append(warning)
            }
        }
        guard let epoch = reader.uint(), let entryCount = reader.int(), entryCount >= 0, entryCount <= reader.remaining / 8 else { return nil }
        state.mapping.digest = epoch
        state.mapping.entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            guard let entry = reader.uint() else { return nil }
            state.mapping.entries.append(entry)
        }
        return state
    }

    /// This state, or the one in `folder` now if another run replaced the file since it was read
    /// (called once the output folder is locked).
    func current(in folder: URL) -> IncrementalState {
        let now = ItemCache.Fingerprint.of(FileStatus.of(folder.appendingPathComponent(Self.fileName).path))
        return now == readFrom ? self : Self.read(in: folder)
    }

    /// Whether both states were read from (or written as) the same file.
    func isSameFile(as other: IncrementalState) -> Bool {
        readFrom != nil && readFrom == other.readFrom
    }

    /// Whether there are item records to reuse, still to decode or kept in memory: the empty
    /// state a first build starts from has none.
    var hasItemRecords: Bool {
        unreadItems != nil || !items.records.isEmpty
    }

    /// The item records that can be reused: those written for the same generator, timezone and
    /// site folder (each is still checked against its file's fingerprint by the loader).
    func reusableItems(timeZone: TimeZone, site: SourceFolder) -> ItemCache {
        guard let unread = unreadItems else {
            // A state kept in memory (by `serve`) holds its records as they are.
            return items.header == ItemCache.header(timeZone: timeZone, site: site) ? items : ItemCache()
        }
        // Read once: the file's bytes are let go as soon as its records are decoded.
        guard var reader = unread.take() else { return ItemCache() }
        return ItemCache.read(from: &reader, header: ItemCache.header(timeZone: timeZone, site: site))
    }

    /// The warnings of the last build, when it was made from the site folder named `site`.
    func warnings(site: String) -> BuildRecord {
        site == self.site ? record : BuildRecord()
    }

    /// This state as the one the file in `folder` now holds, for the next build to start from
    /// without reading the file again (`serve` keeps it between rebuilds). A state written by
    /// another run since is then noticed by `current(in:)`.
    func kept(asWrittenIn folder: URL) -> IncrementalState {
        var state = self
        state.unreadItems = nil
        state.readFrom = ItemCache.Fingerprint.of(FileStatus.of(folder.appendingPathComponent(Self.fileName).path))
        return state
    }

    /// Whether writing this state in place of `previous` would change anything.
    func differs(from previous: IncrementalState) -> Bool {
        previous.readFrom == nil || items.changed || manifest != previous.manifest || site != previous.site || record != previous.record || mapping != previous.mapping
    }

    /// Writes the state to `staging`, then renames it to its place in `folder`.
    func write(in folder: URL, staging: String, fileSystem: FileSystem = .local) throws {
        let target = folder.appendingPathComponent(Self.fileName).path
        do {
            _ = try fileSystem.write(staging, .working) { append in
                var writer = BinaryWriter()
                writer.data.reserveCapacity(1 << 21)
                // Streamed a megabyte at a time: at 50,000 items the whole state at once (and its
                // copies while growing) would be the build's peak.
                func flush(_ writer: inout BinaryWriter) throws {
                    guard !writer.data.isEmpty else { return }
                    try writer.data.withUnsafeBytes { try append($0) }
                    writer.data.removeAll(keepingCapacity: true)
                }
                writer.string(Self.version)
                writer.bool(manifest.digest != nil)
                if let digest = manifest.digest { writer.uint(digest) }
                writer.int(manifest.entries.count)
                // In the dictionary's order: reading builds a dictionary again, and sorting
                // every path on each write is a cost a build with one new item pays in full.
                try writer.append(manifest.entries, flush: flush) { writer, path, entry in
                    writer.string(path)
                    writer.uint(entry.hash)
                    writer.int(entry.size)
                    writer.double(entry.modified)
                    writer.uint(entry.key)
                }
                writer.string(site)
                let warnings = record.buildWarnings.map { ("", $0) } + record.warningsByPage.keys.sorted().flatMap { page in record.warningsByPage[page]!.map { (page, $0) } }
                writer.int(warnings.count)
                for (page, warning) in warnings {
                    writer.string(page)
                    writer.location(SourceLocation(path: warning.path, line: warning.line, column: warning.column))
                    writer.string(warning.message)
                }
                writer.uint(mapping.digest)
                writer.int(mapping.entries.count)
                for entry in mapping.entries {
                    writer.uint(entry)
                    if writer.data.count >= 1 << 20 { try flush(&writer) }
                }
                try items.write(to: &writer, flush: flush)
                try flush(&writer)
            }
            try fileSystem.rename(staging, target, .working)
        } catch {
            _ = fileSystem.remove(staging, .working, false)
            throw OutputError("cannot write \(target): \(error)")
        }
        for name in Self.formerFileNames { _ = fileSystem.remove(folder.appendingPathComponent(name).path, .working, false) }
    }
}

extension IncrementalState {
    /// Whether the last build's output was made from inputs with this digest.
    func wasMade(from digest: UInt64?) -> Bool {
        digest != nil && manifest.digest == digest
    }
}

/// The undecoded rest of a state file, held until the loader takes it.
private final class UnreadItems: Sendable {
    private let reader: Mutex<BinaryReader?>

    init(reader: BinaryReader) { self.reader = Mutex(reader) }

    func take() -> BinaryReader? {
        reader.withLock { reader in
            defer { reader = nil }
            return reader
        }
    }
}
