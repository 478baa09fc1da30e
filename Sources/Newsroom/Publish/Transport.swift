import Foundation

/// Copies listed files from the output folder to the destination, and deletes listed files
/// there, through rsync or rclone. Each call is one run of the tool with a `--files-from` list,
/// and succeeds only when the tool does: what a failed run may have copied is not counted.
struct Transport {
    let destination: PublishDestination
    let tool: ExternalTool
    /// Where the lists of paths are written for the tool to read.
    let listFolder: String
    let fileSystem: FileSystem

    init(destination: PublishDestination, environment: [String: String], listFolder: String, fileSystem: FileSystem) throws {
        self.destination = destination
        self.listFolder = listFolder
        self.fileSystem = fileSystem
        switch destination.transport {
        case .rsync: tool = try ExternalTool(name: "rsync", package: "rsync", environment: environment)
        case .rclone: tool = try ExternalTool(name: "rclone", package: "rclone", environment: environment)
        }
    }

    /// Uploads `paths` (relative to `output`); returns the tool's itemised lines.
    func upload(_ paths: [String], from output: URL, step: String) throws -> [String] {
        guard !paths.isEmpty else { return [] }
        let list = try writeList(paths)
        defer { _ = fileSystem.remove(list, .working, false) }
        let arguments: [String]
        switch destination.transport {
        case .rsync:
            // --times keeps each file's time, so a retry after a run that failed half-way skips
            // the files that did arrive; --mkpath makes a new local destination's missing
            // parents (not asked of a remote host, whose rsync may predate it).
            let makePath = destination.isLocal ? ["--mkpath"] : []
            arguments = ["--files-from=\(list)", "--times"] + makePath + ["--itemize-changes", output.path + "/", rsyncTarget]
        case .rclone:
            // A few files into a large destination: look each up rather than list the whole
            // destination; many files: one listing costs less than a request per file.
            let traverse = paths.count < 1000 ? ["--no-traverse"] : []
            arguments = ["copy", "--files-from", list] + traverse + ["-v", "--stats", "0", "--log-format", "", output.path, destination.target]
        }
        let outcome = try tool.run(arguments)
        guard outcome.status == 0 else { throw tool.failure(outcome, while: "uploading \(step) to \(destination.written)") }
        return outcome.lines
    }

    /// Deletes `paths` at the destination; returns the tool's itemised lines.
    func delete(_ paths: [String], output: URL) throws -> [String] {
        // rclone given no list would delete everything under the target.
        guard !paths.isEmpty else { return [] }
        let list = try writeList(paths)
        defer { _ = fileSystem.remove(list, .working, false) }
        let outcome: ExternalTool.Outcome
        switch destination.transport {
        case .rsync:
            outcome = try tool.run(["--files-from=\(list)", "--delete-missing-args", "--itemize-changes", output.path + "/", rsyncTarget])
            // 24 is "source files vanished": every path in this list is one, by design (rsync
            // says so for those whose folder is gone too); any real failure is another code.
            guard outcome.status == 0 || outcome.status == 24 else { throw tool.failure(outcome, while: "deleting from \(destination.written)") }
        case .rclone:
            outcome = try tool.run(["delete", "--files-from", list, "-v", "--stats", "0", "--log-format", "", destination.target])
            guard outcome.status == 0 else { throw tool.failure(outcome, while: "deleting from \(destination.written)") }
        }
        return outcome.lines.filter { !$0.hasPrefix("file has vanished:") && !$0.hasPrefix("rsync warning: some files vanished") && !$0.hasPrefix("WARNING: parent dir is absent") }
    }

    /// Removes `folders` (deepest first) where they are empty; nil when done, otherwise the
    /// first reason one was not. Best effort: the files are gone already, and a folder that still holds a file
    /// someone else put there is kept.
    func removeFolders(_ folders: [String], output: URL) throws -> String? {
        guard !folders.isEmpty else { return nil }
        var problem: String?
        switch destination.transport {
        case .rsync:
            // One run per depth, deepest first: rsync handles the folders of one list parent
            // before child, and a parent is empty only once its children are gone.
            let byDepth = Dictionary(grouping: folders, by: ChangeSet.depth)
            for depth in byDepth.keys.sorted(by: >) {
                let list = try writeList(byDepth[depth]!)
                defer { _ = fileSystem.remove(list, .working, false) }
                let outcome = try tool.run(["--files-from=\(list)", "--delete-missing-args", "--itemize-changes", output.path + "/", rsyncTarget])
                // Every depth runs even after one fails, so the other emptied folders still go.
                if problem == nil, outcome.status != 0 && outcome.status != 24 || outcome.lines.contains(where: { $0.hasPrefix("cannot delete") }) {
                    problem = "\(tool.failure(outcome, while: "removing emptied folders"))"
                }
            }
        case .rclone:
            // `rmdirs` removes the empty folders inside one and then it, so the topmost suffice.
            let set = Set(folders)
            for folder in folders.sorted() where !ChangeSet.folders(of: folder).contains(where: set.contains) {
                let target = destination.target.hasSuffix(":") || destination.target.hasSuffix("/") ? destination.target + folder : destination.target + "/" + folder
                let outcome = try tool.run(["rmdirs", "--retries", "1", "--log-format", "", target])
                // On a bucket a folder is only a prefix, gone with its last file: "directory not
                // found" (exit 3, or errors saying only that) means there is nothing to remove.
                let alreadyGone = outcome.status == 3 || outcome.lines.filter { $0.hasPrefix("ERROR") || $0.hasPrefix("Failed") }
                    .allSatisfy { $0.contains("directory not found") || $0.contains("no such file or directory") }
                if problem == nil, outcome.status != 0, !alreadyGone { problem = "\(tool.failure(outcome, while: "removing emptied folders"))" }
            }
        }
        return problem
    }

    private var rsyncTarget: String {
        destination.target.hasSuffix("/") ? destination.target : destination.target + "/"
    }

    private func writeList(_ paths: [String]) throws -> String {
        let path = "\(listFolder)/files-\(fileSystem.processID()).list"
        do {
            try fileSystem.write(Data((paths.joined(separator: "\n") + "\n").utf8), to: path)
        } catch {
            throw PublishError("cannot write the list of files for \(tool.name) at \(path): \(error)")
        }
        return path
    }
}
