import Foundation

/// Writes an import's files into the site: all of them into a temporary folder beside it first
/// (a full disk or an unreadable file stops the import there, with the site as it was), then
/// each renamed into place, so no file in the site is ever half-written. An existing file is
/// never overwritten unless forced.
struct ImportWriter {
    let site: SourceFolder
    let fileSystem: FileSystem

    /// Writes `files`; the errors that stopped it (then nothing in the site changed).
    func write(_ files: [ImportedFile], force: Bool) -> [Diagnostic] {
        let root = site.url.path
        if !force {
            let existing = files.filter { fileSystem.status(root + "/" + $0.path) != nil }
            if !existing.isEmpty {
                return existing.map {
                    Diagnostic(path: site.display($0.path), message: "already exists; nothing was imported (use --force to overwrite)")
                }
            }
        }
        let parent = (root as NSString).deletingLastPathComponent
        let staging = parent + "/." + (root as NSString).lastPathComponent + ".newsroom-import-\(fileSystem.processID())"
        defer { removeTree(staging) }
        do {
            removeTree(staging)
            for file in files {
                let target = staging + "/" + file.path
                try fileSystem.makeFolders((target as NSString).deletingLastPathComponent)
                switch file.contents {
                case .text(let text): try fileSystem.write(Data(text.utf8), to: target)
                case .copy(let source):
                    guard let data = fileSystem.read(source) else { throw ImportWriteError(path: file.path, reason: "cannot read \(source)") }
                    try fileSystem.write(data, to: target)
                }
            }
        } catch {
            return [Diagnostic(path: site.displayName, message: "cannot write the import beside the site: \(error)")]
        }
        do {
            for file in files {
                let target = root + "/" + file.path
                try fileSystem.makeFolders((target as NSString).deletingLastPathComponent)
                try fileSystem.rename(staging + "/" + file.path, target, .working)
            }
        } catch {
            return [Diagnostic(path: site.displayName, message: "the import stopped part-way while moving files into place: \(error)")]
        }
        return []
    }

    /// Removes a folder this writer made, with everything in it.
    private func removeTree(_ path: String) {
        for entry in fileSystem.list(path) ?? [] {
            let child = path + "/" + entry.name
            if entry.kind == .folder || fileSystem.status(child)?.isDirectory == true {
                removeTree(child)
            } else {
                _ = fileSystem.remove(child, .working, false)
            }
        }
        _ = fileSystem.remove(path, .working, true)
    }
}

struct ImportWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
}
