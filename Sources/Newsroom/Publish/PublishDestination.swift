import Foundation

/// Where `publish` uploads: a local folder or `host:path` through rsync, or any rclone remote
/// written `rclone:NAME:bucket/path`.
public struct PublishDestination: Sendable, Equatable {
    public enum Transport: Sendable, Equatable {
        case rsync
        case rclone
    }

    public let transport: Transport
    /// What the tool is given: an absolute folder, `host:path`, or rclone's `NAME:path`.
    public let target: String
    /// How the destination was written on the command line, for messages.
    public let written: String

    /// Reads `DEST`; a relative local folder is taken from `workingFolder`.
    public init(_ written: String, workingFolder: URL) throws {
        self.written = written
        if written.hasPrefix("rclone:") {
            let remote = String(written.dropFirst("rclone:".count))
            guard let colon = remote.firstIndex(of: ":"), colon != remote.startIndex || remote.dropFirst().contains(":") else {
                throw PublishError("'\(written)' names no rclone remote: write rclone:NAME:path (NAME as in `rclone listremotes`, or :backend:path)")
            }
            transport = .rclone
            target = remote
        } else if written.isEmpty {
            throw PublishError("the destination is empty: give a folder, host:path or rclone:NAME:path")
        } else if Self.isRemote(written) {
            transport = .rsync
            target = written
        } else {
            transport = .rsync
            let expanded = (written as NSString).expandingTildeInPath
            let absolute = expanded.hasPrefix("/") ? expanded : workingFolder.path + "/" + expanded
            target = URL(fileURLWithPath: absolute).standardizedFileURL.path
        }
    }

    /// A folder on this machine (rsync's target starts at the root).
    var isLocal: Bool {
        transport == .rsync && target.hasPrefix("/")
    }

    /// rsync's own rule: a colon before the first slash makes `host:path` (or `host::module`).
    private static func isRemote(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        return !text[..<colon].contains("/")
    }

    /// The same destination written two ways (`out/../dest` and `/abs/dest`) gives one key, so
    /// they share one record.
    var recordKey: String {
        "\(transport == .rsync ? "rsync" : "rclone") \(target)"
    }
}
