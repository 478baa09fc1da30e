import Foundation

/// The two locks a publish holds from start to end: its destination's, so two publishes to one
/// place never interleave their uploads and records; and the output folder's, the one
/// `generate` takes, so no build changes the files between reading the manifest and the tool
/// copying them. Neither waits: an overlapping cron run stops at once and says why.
enum PublishLocks {
    static func takeDestination(_ location: PublishRecord.Location, destination: PublishDestination, fileSystem: FileSystem) throws -> FileLock {
        do {
            try fileSystem.makeFolders(location.folder)
            if let lock = try fileSystem.lock(location.lock, .file, 0) { return lock }
        } catch {
            throw PublishError("cannot lock \(location.lock): \(error)")
        }
        throw PublishError("another publish to \(destination.written) is running (\(location.lock) is locked); nothing was transferred")
    }

    static func takeOutput(_ output: URL, fileSystem: FileSystem) throws -> FileLock {
        guard fileSystem.status(output.path, following: true)?.isDirectory == true else {
            throw PublishError("\(output.path): no output folder: run generate before publishing")
        }
        let path = output.appendingPathComponent(OutputLock.fileName).path
        do {
            if let lock = try fileSystem.lock(path, .file, 0) { return lock }
        } catch {
            throw PublishError("cannot lock \(path): \(error)")
        }
        throw PublishError("\(output.path) is locked: a generate is writing it (or another publish is reading it); publish once the build has finished")
    }
}
