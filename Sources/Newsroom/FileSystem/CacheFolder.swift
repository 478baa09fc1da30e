import Foundation

/// A folder of files kept between builds outside the published files (processed images, search
/// terms): `.newsroom-cache/<output folder's name>/<kind>` in the folder that holds the output
/// folder, so two sites built side by side (`public-en`, `public-ro`) each keep their own and
/// neither removes the other's files as unused. Everything in it is a shortcut: a missing or
/// damaged file only costs the next build the work it would have saved.
struct CacheFolder: Sendable {
    /// Absolute path of the folder (made when the first file is written).
    var path: String
    var fileSystem: FileSystem
    /// False for a build that must leave the disk as it is outside its output (`check`).
    var writable: Bool

    static func path(besideOutput output: URL, kind: String) -> String {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".newsroom-cache").appendingPathComponent(output.lastPathComponent).appendingPathComponent(kind).path
    }

    func read(_ name: String) -> Data? {
        fileSystem.read(path + "/" + name)
    }

    /// Stores `data` as `name` under a temporary name first, renamed into place, so a killed
    /// build leaves no half-written file under a real name. True when it is stored.
    @discardableResult
    func write(_ data: Data, as name: String) -> Bool {
        guard writable else { return false }
        let temporary = path + "/." + name + ".\(fileSystem.processID()).tmp"
        do {
            if fileSystem.status(path, following: true)?.isDirectory != true { try fileSystem.makeFolders(path) }
            try fileSystem.write(data, to: temporary)
            try fileSystem.rename(temporary, path + "/" + name, .working)
            return true
        } catch {
            _ = fileSystem.remove(temporary, .working, false)
            return false
        }
    }

    /// Removes every file named `*.suffix` whose stem is not in `kept`, and leftover temporary
    /// files; other files are left alone.
    func removeAll(withSuffix suffix: String, except kept: Set<String>) {
        guard writable, let names = fileSystem.list(path) else { return }
        for (name, _) in names {
            let isEntry = name.hasSuffix(suffix) && !name.hasPrefix(".")
            if isEntry, kept.contains(String(name.dropLast(suffix.count))) { continue }
            guard isEntry || name.hasSuffix(".tmp") else { continue }
            _ = fileSystem.remove(path + "/" + name, .working, false)
        }
    }
}
