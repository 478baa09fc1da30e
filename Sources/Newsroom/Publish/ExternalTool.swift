import Foundation

/// An installed program `publish` hands the transfer to, run with `Process`.
struct ExternalTool {
    let name: String
    /// The Debian package that provides it, for the message when it is missing.
    let package: String
    let executable: URL
    let environment: [String: String]

    struct Outcome {
        var status: Int32
        /// Standard output and standard error together, in the order the tool wrote them.
        var lines: [String]
    }

    /// Finds `name` on the `PATH` of `environment`.
    init(name: String, package: String, environment: [String: String]) throws {
        self.name = name
        self.package = package
        self.environment = environment
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        guard let found = folders.lazy.map({ URL(fileURLWithPath: String($0)).appendingPathComponent(name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            throw PublishError("\(name) is not installed (not found on PATH): install the Debian package '\(package)' (apt-get install \(package))")
        }
        executable = found
    }

    /// Runs the tool to the end; fails only when it cannot be started.
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PublishError("cannot run \(executable.path): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return Outcome(status: process.terminationStatus, lines: lines)
    }

    /// The error for a run that exited with a failure: the tool's last lines say why.
    func failure(_ outcome: Outcome, while doing: String) -> PublishError {
        let tail = outcome.lines.suffix(8).map { "  \($0)" }.joined(separator: "\n")
        return PublishError("\(name) failed (exit \(outcome.status)) while \(doing)" + (tail.isEmpty ? "" : ":\n" + tail))
    }
}
