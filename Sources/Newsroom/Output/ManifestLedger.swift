import Foundation

/// The previous build's manifest and the one a build makes as its files are staged or kept,
/// from several threads at once.
final class ManifestLedger: @unchecked Sendable {
    let previous: OutputManifest
    private var next = OutputManifest()
    private var unchangedCount = 0
    private let mutex = NSLock()

    init(previous: OutputManifest) {
        self.previous = previous
    }

    /// The manifest so far.
    var manifest: OutputManifest { mutex.withLock { next } }

    /// Files kept as the previous build left them.
    var unchanged: Int { mutex.withLock { unchangedCount } }

    var paths: [String] { mutex.withLock { Array(next.entries.keys) } }

    func record(digest: UInt64?) {
        mutex.withLock { next.digest = digest }
    }

    /// A file written by this build.
    func wrote(_ path: String, _ entry: OutputManifest.Entry) {
        mutex.withLock { next.entries[path] = entry }
    }

    /// A file left as it is on disk.
    func keep(_ path: String, _ entry: OutputManifest.Entry) {
        mutex.withLock {
            next.entries[path] = entry
            unchangedCount += 1
        }
    }

    /// Every file of the previous build, left as it is.
    func keepAll() {
        mutex.withLock {
            next = previous
            unchangedCount = previous.entries.count
        }
    }
}
