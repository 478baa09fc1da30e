import Foundation

/// ext4's top-of-subtree flag (`chattr +T`) on folders, read with the system's own tools
/// (`lsattr`, `chattr`), so tests check the generator's marks against something it did not write.
public enum FolderFlags {
    /// Whether the folder at `path` carries the flag; nil when `lsattr` cannot say.
    public static func isMarkedTop(_ path: String) -> Bool? {
        guard let (status, output) = run("/usr/bin/lsattr", ["-d", path]), status == 0 else { return nil }
        return output.split(separator: " ").first?.contains("T")
    }

    /// Marks the folder at `path` with `chattr +T`; false when that failed.
    @discardableResult
    public static func markTop(_ path: String) -> Bool {
        run("/usr/bin/chattr", ["+T", path])?.0 == 0
    }

    /// Why the temporary folder's file system cannot hold the flag, or nil when it can: tried
    /// with `chattr +T` on a scratch folder there (tmpfs, for one, refuses it).
    public static let unsupportedReason: String? = {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-flag-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)) != nil else {
            return "cannot make a scratch folder in \(FileManager.default.temporaryDirectory.path)"
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard let (status, output) = run("/usr/bin/chattr", ["+T", scratch]) else { return "chattr is not installed" }
        guard status == 0, isMarkedTop(scratch) == true else {
            return "the temporary folder's file system keeps no top-of-subtree flag (chattr +T: \(output.trimmingCharacters(in: .whitespacesAndNewlines)))"
        }
        return nil
    }()

    /// The exit status and the output (standard output and error together) of a tool.
    private static func run(_ tool: String, _ arguments: [String]) -> (Int32, String)? {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
