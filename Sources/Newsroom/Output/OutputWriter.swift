import Foundation

/// The commit stage: puts a finished build into the output folder without ever exposing a
/// half-written file, rewriting only what changed and removing only what it made before.
public struct OutputWriter {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    static let temporaryFolder = ".newsroom-tmp"
    /// Files that may sit in an output folder `generate` has not used yet.
    static let ignorableInNewFolder: Set<String> = [".gitkeep", ".DS_Store", OutputLock.fileName]

    var folder: URL
    /// Folders the output must never be, nor contain (the site and themes).
    var protectedFolders: [URL]
    var lockTimeout: TimeInterval = 120

    init(folder: URL, protectedFolders: [URL]) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.protectedFolders = protectedFolders.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
    }

    /// Refuses output folders that would destroy the author's work; call before building.
    func checkFolder() throws {
        let path = folder.path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if path == "/" || path == home {
            throw OutputError("refusing to use \(path) as the output folder")
        }
        for protected in protectedFolders {
            if protected.path == path || protected.path.hasPrefix(path + "/") || path.hasPrefix(protected.path + "/") {
                throw OutputError("refusing to use \(path) as the output folder: it overlaps \(protected.path)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw OutputError("the output path \(path) is a file, not a folder") }
        let contents = try FileManager.default.contentsOfDirectory(atPath: path)
        let foreign = contents.filter { !Self.ignorableInNewFolder.contains($0) }
        if !foreign.isEmpty && !contents.contains(OutputManifest.fileName) {
            throw OutputError("refusing to write into \(path): it holds files that generate did not make (\(foreign.sorted().prefix(3).joined(separator: ", ")))")
        }
    }

    /// Writes `files`, replacing the previous build's output.
    public func commit(_ files: [OutputFile]) throws -> Report {
        try checkFolder()
        let manager = FileManager.default
        try createFolder(folder)
        let lock = try OutputLock(folder: folder, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        try checkFolder()
        let temporary = folder.appendingPathComponent(Self.temporaryFolder)
        try? manager.removeItem(at: temporary)
        try createFolder(temporary)
        defer { try? manager.removeItem(at: temporary) }

        let previous = OutputManifest.read(in: folder) ?? OutputManifest()
        var next = OutputManifest()
        var report = Report()
        var folders = Set<String>()
        for (number, file) in files.enumerated() {
            guard !SitePath.isUnsafe(file.path), !file.path.hasPrefix("/"), !file.path.isEmpty else {
                throw OutputError("refusing to write outside the output folder: '\(file.path)'")
            }
            let data = try contents(of: file)
            let hash = ContentHash.of(data)
            let target = folder.appendingPathComponent(file.path)
            if let entry = unchangedEntry(target, hash: hash, data: data, previous: previous.entries[file.path]) {
                next.entries[file.path] = entry
                report.unchanged += 1
                continue
            }
            let parent = target.deletingLastPathComponent()
            if folders.insert(parent.path).inserted { try createFolder(parent) }
            let staging = temporary.appendingPathComponent(String(number))
            try write(data, to: staging, finalPath: file.path)
            try replace(target, with: staging, finalPath: file.path)
            next.entries[file.path] = Entry(hash: hash, size: data.count, modified: FileStatus.of(target.path)?.modified ?? 0)
            report.written += 1
        }
        for path in previous.entries.keys.sorted() where next.entries[path] == nil {
            let target = folder.appendingPathComponent(path)
            if (try? manager.removeItem(at: target)) != nil { report.removed += 1 }
            removeEmptyParents(of: target)
        }
        if next != previous || !manager.fileExists(atPath: folder.appendingPathComponent(OutputManifest.fileName).path) {
            let staging = temporary.appendingPathComponent("manifest")
            try write(next.serialised, to: staging, finalPath: OutputManifest.fileName)
            try replace(folder.appendingPathComponent(OutputManifest.fileName), with: staging, finalPath: OutputManifest.fileName)
        }
        return report
    }

    private typealias Entry = OutputManifest.Entry

    /// The file's entry if it already holds these bytes (by the manifest, else by reading it).
    private func unchangedEntry(_ target: URL, hash: UInt64, data: Data, previous: Entry?) -> Entry? {
        guard let status = FileStatus.of(target.path), status.isRegular, status.size == data.count else { return nil }
        if let previous, previous.hash == hash, previous.size == status.size, previous.modified == status.modified {
            return previous
        }
        guard FileManager.default.contents(atPath: target.path) == data else { return nil }
        return Entry(hash: hash, size: status.size, modified: status.modified)
    }

    private func contents(of file: OutputFile) throws -> Data {
        switch file.content {
        case .data(let data): return data
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw OutputError("cannot read \(source.path) to copy it to \(file.path)")
            }
            return data
        }
    }

    private func write(_ data: Data, to staging: URL, finalPath: String) throws {
        do {
            try FileStatus.write(data, to: staging.path)
        } catch {
            throw OutputError("cannot write \(finalPath): \(error); the previous output is kept")
        }
    }

    private func replace(_ target: URL, with staging: URL, finalPath: String) throws {
        if FileStatus.of(target.path)?.isDirectory == true {
            throw OutputError("cannot write \(finalPath): a folder of that name is in the way")
        }
        guard rename(staging.path, target.path) == 0 else {
            throw OutputError("cannot write \(finalPath): \(String(cString: strerror(errno))); the previous output is kept")
        }
    }

    private func createFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create the folder \(url.path): \(Self.reason(error))")
        }
    }

    private func removeEmptyParents(of url: URL) {
        var parent = url.deletingLastPathComponent().standardizedFileURL
        while parent.path.hasPrefix(folder.path + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: parent.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: parent)
            parent = parent.deletingLastPathComponent().standardizedFileURL
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
