import Foundation
import Synchronization

/// The terms of each search part's documents kept between builds, outside the published files:
/// one file per part (`2024.terms`), rewritten whenever the part's script is. A rebuild that
/// writes a part again reads the file and tokenises only the documents whose key it does not
/// hold, so one edited item costs the reading of one body, not of its whole year.
///
/// An entry is only a shortcut: each document in it is found by the key of the text it was
/// tokenised from, so a missing, old or damaged file costs the work it would have saved and
/// never changes what is written.
struct SearchTermCache: Sendable {
    let files: CacheFolder
    /// Where writes wait when the build's result is wanted sooner (`serve` runs them once the
    /// pages were told to reload); nil: written at once.
    var later: LaterWrites?

    /// `writable` is false for a build that must leave the disk as it is outside its output.
    init(folder: String, fileSystem: FileSystem, writable: Bool) {
        files = CacheFolder(path: folder, fileSystem: fileSystem, writable: writable)
    }

    /// `.newsroom-cache/<output folder's name>/search`, beside the image cache.
    static func folder(besideOutput output: URL) -> String {
        CacheFolder.path(besideOutput: output, kind: "search")
    }

    /// Whether no part's terms are kept (a first build, or one after the cache was removed).
    var isEmpty: Bool {
        !(files.fileSystem.list(files.path) ?? []).contains { $0.name.hasSuffix(".terms") && !$0.name.hasPrefix(".") }
    }

    func read(_ part: String) -> SearchPartTerms? {
        files.read(part + ".terms").flatMap { SearchPartTerms(decoding: $0) }
    }

    /// Stores the terms (see `CacheFolder.write`). A failure only costs the next build the work.
    func write(_ terms: @escaping @Sendable () -> SearchPartTerms, part: String) {
        let files = self.files
        let write: @Sendable () -> Void = { files.write(terms().encoded, as: part + ".terms") }
        if let later { later.add(write) } else { write() }
    }

    /// Removes the files of parts the index no longer has (a site that grew past one part
    /// leaves `all.terms`), and leftover temporary files.
    func removeAll(except parts: Set<String>) {
        files.removeAll(withSuffix: ".terms", except: parts)
    }
}

/// Writes of caches that only save later builds work, put off until the one waiting for the
/// build's output has it.
final class LaterWrites: Sendable {
    private let writes = Mutex<[@Sendable () -> Void]>([])

    func add(_ write: @escaping @Sendable () -> Void) {
        writes.withLock { $0.append(write) }
    }

    /// Runs the writes added so far.
    func run() {
        for write in writes.withLock({ writes in defer { writes = [] }; return writes }) { write() }
    }
}
