import Foundation

/// Lists folders inside a root (site or theme), sorted, hidden files skipped, links kept inside the root.
enum FolderListing {
    struct Entry: Equatable {
        enum Kind: Equatable { case file, directory }
        var name: String
        var kind: Kind
    }

    /// The entries of `relativePath`; a missing folder is simply empty.
    static func entries(_ relativePath: String, in folder: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> [Entry] {
        let directory = folder.path(relativePath)
        guard let listed = fileSystem.list(directory) else { return [] }
        var entries: [Entry] = []
        for (name, type) in listed.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let path = relativePath + "/" + name
            let kind: Entry.Kind?
            // The folder's own listing says most types; then lstat; Foundation's attributes
            // (slow) only for links.
            if type == .file {
                kind = .file
            } else if type == .folder {
                kind = .directory
            } else if let status = fileSystem.status(directory + "/" + name), status.isRegular || status.isDirectory {
                kind = status.isDirectory ? .directory : .file
            } else {
                kind = Self.kind(of: URL(fileURLWithPath: directory + "/" + name), inside: folder.url)
            }
            guard let kind else {
                log.error("'\(name)' is a link that leads outside \(folder.displayName) (or nowhere); links are not followed out of the site", at: folder.location(path))
                continue
            }
            entries.append(Entry(name: name, kind: kind))
        }
        return entries
    }

    /// Every file below `relativePath`, as paths relative to the root, sorted.
    static func files(below relativePath: String, in folder: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> [String] {
        var result: [String] = []
        for entry in entries(relativePath, in: folder, fileSystem: fileSystem, log: &log) {
            let path = relativePath + "/" + entry.name
            switch entry.kind {
            case .file: result.append(path)
            case .directory: result += files(below: path, in: folder, fileSystem: fileSystem, log: &log)
            }
        }
        return result
    }

    static func isFile(_ relativePath: String, in folder: SourceFolder, fileSystem: FileSystem = .local) -> Bool {
        if let status = fileSystem.status(folder.path(relativePath)), status.isRegular { return true }
        return kind(of: folder.file(relativePath), inside: folder.url) == .file
    }

    /// File or folder, following a link only when it stays inside `root`; nil otherwise.
    static func kind(of url: URL, inside root: URL) -> Entry.Kind? {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: url.path) else { return nil }
        var target = url
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            let resolved = url.resolvingSymlinksInPath().standardizedFileURL
            let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
            guard resolved.path.hasPrefix(rootPath + "/") else { return nil }
            target = resolved
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory : .file
    }
}
