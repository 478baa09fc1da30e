import Foundation

/// The output folder as the last `generate` left it: its manifest, checked against the disk.
enum BuiltOutput {
    /// The manifest of the last build, when every file it lists is still on disk as that build
    /// wrote it (same size and time); publishing anything else would record bytes the
    /// destination never got.
    static func manifest(of output: URL, fileSystem: FileSystem) throws -> OutputManifest {
        let statePath = output.appendingPathComponent(IncrementalState.fileName).path
        guard fileSystem.status(statePath) != nil else {
            throw PublishError("\(output.path) has no build manifest (\(IncrementalState.fileName)): run generate before publishing")
        }
        let manifest = IncrementalState.read(in: output).manifest
        guard !manifest.entries.isEmpty else {
            throw PublishError("\(statePath): the build manifest is unreadable (damaged, or written by another version of generate): run generate again before publishing")
        }
        let changed = manifest.filesNotOnDisk(inFolder: output.path, fileSystem: fileSystem).sorted()
        if let first = changed.first {
            let more = changed.count > 1 ? " (and \(changed.count - 1) more)" : ""
            throw PublishError("\(output.appendingPathComponent(first).path)\(more) is not as the last generate left it: run generate again before publishing")
        }
        return manifest
    }
}
