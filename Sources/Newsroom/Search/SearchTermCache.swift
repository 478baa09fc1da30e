import Foundation

/// The terms of each search part's documents kept between builds, outside the published files:
/// one file per part (`2024.terms`), rewritten whenever the part's script is. A rebuild that
/// writes a part again reads the file and tokenises only the documents whose key it does not
/// hold, so one edited item costs the reading of one body, not of its whole year.
///
/// An entry is only a shortcut: each document in it is found by the key of the text it was
/// tokenised from, so a missing, old or damaged file costs the work it would have saved and
/// never changes what is written.
struct SearchTermCache: Sendable {
    /// Absolute path of the folder (made when the first file is written).
    var folder: String
    var fileSystem: FileSystem
    /// False for a build that must leave the disk as it is outside its output.
    var writable: Bool

    /// `.newsroom-cache/<output folder's name>/search` in the folder that holds the output folder,
    /// beside the image cache.
    static func folder(besideOutput output: URL) -> String {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".newsroom-cache").appendingPathComponent(output.lastPathComponent).appendingPathComponent("search").path
    }

    private func path(_ part: String) -> String { folder + "/" + part + ".terms" }

    func read(_ part: String) -> SearchPartTerms? {
        guard let data = fileSystem.read(path(part)) else { return nil }
        return SearchPartTerms(decoding: data)
    }

    /// Stores the terms under a temporary name and renames them, so a killed build leaves no
    /// half-written file under a real name. A failure only costs the next build the work.
    func write(_ terms: SearchPartTerms, part: String) {
        guard writable else { return }
        let temporary = folder + "/." + part + ".\(fileSystem.processID()).tmp"
        do {
            if fileSystem.status(folder, following: true)?.isDirectory != true { try fileSystem.makeFolders(folder) }
            try fileSystem.write(terms.encoded, to: temporary)
            try fileSystem.rename(temporary, path(part), .working)
        } catch {
            _ = fileSystem.remove(temporary, .working, false)
        }
    }

    /// Removes the files of parts the index no longer has (a site that grew past one part
    /// leaves `all.terms`), and leftover temporary files.
    func removeAll(except parts: Set<String>) {
        guard writable, let names = fileSystem.list(folder) else { return }
        for (name, _) in names {
            let isEntry = name.hasSuffix(".terms") && !name.hasPrefix(".")
            if isEntry, parts.contains(String(name.dropLast(".terms".count))) { continue }
            guard isEntry || name.hasSuffix(".tmp") else { continue }
            _ = fileSystem.remove(folder + "/" + name, .working, false)
        }
    }
}
