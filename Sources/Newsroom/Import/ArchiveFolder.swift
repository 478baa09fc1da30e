import Foundation

/// The archive on disk, read through the import's `FileSystem`: its files listed once, read as
/// text with each problem located, and the files its posts reference looked up.
struct ArchiveFolder {
    /// The archive's root, absolute.
    let root: String
    /// How the root is shown to the author (`../blog`).
    let display: String
    let fileSystem: FileSystem
    /// Every file below the root (paths relative to it), sorted; build outputs, dependencies
    /// and hidden folders left out.
    let files: [String]

    static let skippedFolders: Set<String> = ["_site", "node_modules", "public", "resources", "vendor", ".git"]

    /// With `listing` false the files are not listed (a WordPress export's folder is only a place
    /// to look referenced files up from).
    init(root: String, display: String, fileSystem: FileSystem, listing: Bool = true) {
        self.root = root
        self.display = display
        self.fileSystem = fileSystem
        guard listing else {
            files = []
            return
        }
        var found: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            for entry in (fileSystem.list(path) ?? []).sorted(by: { $0.name < $1.name }) {
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                guard !entry.name.hasPrefix(".") else { continue }
                var kind = entry.kind
                if kind == .other {
                    let status = fileSystem.status(root + "/" + child, following: true)
                    kind = status?.isDirectory == true ? .folder : status?.isRegular == true ? .file : .other
                }
                if kind == .folder, !Self.skippedFolders.contains(entry.name) { walk(child) }
                if kind == .file { found.append(child) }
            }
        }
        walk("")
        files = found
    }

    func shown(_ relative: String) -> String {
        display.isEmpty || display == "." ? relative : (display.hasSuffix("/") ? display : display + "/") + relative
    }

    /// The file as text, or nil with an error at it.
    func text(_ relative: String, log: inout DiagnosticLog) -> String? {
        guard let data = fileSystem.read(root + "/" + relative) else {
            log.error("cannot read this file", at: SourceLocation(path: shown(relative)))
            return nil
        }
        switch SourceText.decode(data, path: shown(relative)) {
        case .success(let source): return source.text
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
    }

    /// The file's front matter and body; nil (with the error logged) when it cannot be read,
    /// decoded or split.
    func document(_ relative: String, log: inout DiagnosticLog) -> SourceDocument? {
        guard let text = text(relative, log: &log) else { return nil }
        switch SourceDocument.read(text, path: shown(relative)) {
        case .success(let document): return document
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
    }

    func modified(_ relative: String) -> Date? {
        fileSystem.status(root + "/" + relative, following: true).map { Date(timeIntervalSince1970: $0.modified) }
    }

    /// A file a post references from the old site's root (`/images/x.png`), looked for in the
    /// archive and the folders above it, directly or under `static/`, `public/` or `assets/`:
    /// its absolute path, or nil.
    func lookUp(rootPath: String) -> String? {
        let relative = rootPath.split(separator: "/").joined(separator: "/")
        guard !relative.isEmpty, !relative.split(separator: "/").contains("..") else { return nil }
        var folder = root
        while true {
            for prefix in ["", "static/", "public/", "assets/"] {
                let candidate = folder + "/" + prefix + relative
                if fileSystem.status(candidate, following: true)?.isRegular == true { return candidate }
            }
            guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { return nil }
            folder = String(folder[..<slash])
        }
    }

    /// A file named relative to a source file (`../images/x.png` beside a Markdown file), or nil.
    func lookUp(_ target: String, besideFile relative: String) -> String? {
        let folder = (relative as NSString).deletingLastPathComponent
        let path = ImportPaths.collapse((folder.isEmpty ? root : root + "/" + folder) + "/" + target)
        return fileSystem.status(path, following: true)?.isRegular == true ? path : nil
    }
}
