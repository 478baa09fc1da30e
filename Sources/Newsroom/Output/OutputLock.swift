import Foundation

/// The advisory locks that make two runs on one output folder take turns: a second `generate`
/// waits, then fails cleanly.
enum OutputLock {
    static let fileName = ".newsroom-lock"

    /// Takes the lock file in the output folder, waiting up to `timeout` seconds for another run.
    static func take(in folder: URL, fileSystem: FileSystem, timeout: TimeInterval) throws -> FileLock {
        let path = folder.appendingPathComponent(fileName).path
        do {
            return try wait(for: fileSystem.lock(path, .file, timeout), timeout: timeout)
        } catch let error as SystemError {
            throw OutputError("cannot create the lock file \(path): \(error)")
        }
    }

    /// Locks the folder itself, leaving no file behind: what a first build holds on the
    /// output's parent while it makes the output beside it (see `FirstBuildSession`).
    static func take(onFolder folder: URL, fileSystem: FileSystem, timeout: TimeInterval) throws -> FileLock {
        do {
            return try wait(for: fileSystem.lock(folder.path, .folder, timeout), timeout: timeout)
        } catch let error as SystemError {
            throw OutputError("cannot open the folder \(folder.path) to lock it: \(error)")
        }
    }

    private static func wait(for lock: FileLock?, timeout: TimeInterval) throws -> FileLock {
        guard let lock else {
            throw OutputError("another generate is writing to this output folder; gave up waiting after \(Int(timeout)) s")
        }
        return lock
    }
}
