import Foundation

/// What one destination holds, as far as `publish` put it there: each file's path with the hash
/// of the bytes uploaded, and the feeds whose WebSub ping has not been accepted yet.
///
/// It is kept beside the output folder, in `.newsroom-publish/`, not inside it: it describes the
/// destination rather than a build, so `rm -rf output` and a clean build (which gives the same
/// bytes) must not make the next publish upload every file again, and nothing that copies the
/// output folder whole can publish it. One text file per destination, written whole to a
/// temporary name and renamed, so it is always the record of a finished step.
struct PublishRecord: Equatable {
    static let version = "newsroom-publish 1"

    /// Path in the output folder → `ContentHash` of the bytes the destination has.
    var files: [String: UInt64] = [:]
    /// Absolute feed URLs whose hub ping failed, retried by the next publish.
    var pendingPings: [String] = []

    /// The record at `path`; an empty one when there is none (nothing published there yet).
    static func read(at path: String, fileSystem: FileSystem) throws -> PublishRecord {
        guard fileSystem.status(path) != nil else { return PublishRecord() }
        guard let data = fileSystem.read(path) else {
            throw PublishError("\(path): error: cannot read the publish record")
        }
        var record = PublishRecord()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        func damaged(_ number: Int, _ what: String) -> PublishError {
            PublishError("\(path):\(number):1: error: \(what); the publish record is damaged (remove it and the next publish uploads every file again)")
        }
        guard lines.first == Substring(version) else { throw damaged(1, "expected '\(version)'") }
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            if line.hasPrefix("ping\t") {
                record.pendingPings.append(String(line.dropFirst(5)))
                continue
            }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 16, let hash = UInt64(parts[0], radix: 16) else {
                throw damaged(index + 1, "expected a 16-digit hash, a tab and a path")
            }
            record.files[String(parts[1])] = hash
        }
        return record
    }

    /// Writes the record to `path` through a temporary file renamed into place.
    func write(at path: String, fileSystem: FileSystem) throws {
        var text = Self.version + "\n"
        for url in pendingPings { text += "ping\t\(url)\n" }
        for path in files.keys.sorted() {
            let hex = String(files[path]!, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex + "\t" + path + "\n"
        }
        let staging = path + ".newsroom-tmp"
        do {
            try fileSystem.write(Data(text.utf8), to: staging)
            try fileSystem.rename(staging, path, .working)
        } catch {
            _ = fileSystem.remove(staging, .working, false)
            throw PublishError("cannot write the publish record \(path): \(error)")
        }
    }
}

extension PublishRecord {
    /// Where the record and the lock of `destination` are kept for the output folder `output`.
    struct Location {
        var folder: String
        var record: String
        var lock: String

        init(output: URL, destination: PublishDestination) {
            folder = output.deletingLastPathComponent().appendingPathComponent(".newsroom-publish").path
            let readable = String(destination.target.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }.suffix(48))
            let hex = String(ContentHash.of(Data(destination.recordKey.utf8)), radix: 16)
            let name = "\(readable)-\(hex)"
            record = folder + "/" + name + ".record"
            lock = folder + "/" + name + ".lock"
        }
    }
}
