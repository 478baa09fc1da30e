import ArgumentParser
import Foundation
import Newsroom

/// `generate publish DEST`: uploads what changed in the output since the last publish there.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Upload the files that changed since the last publish to DEST (rsync or rclone).",
        discussion: """
            DEST is a local folder or host:path (through rsync), or rclone:NAME:bucket/path for any \
            rclone remote. Pages and assets go first, then feeds and sitemaps, then deletions.
            """
    )

    @Argument(help: "A folder, host:path, or rclone:NAME:path.")
    var destination: String

    @Option(help: "The site folder (for site.yml's base_url and websub.hub).")
    var site = "site"

    @Option(help: "The output folder, as the last generate left it.")
    var output = "output"

    @Option(name: .customLong("max-deletes"), help: "Refuse, transferring nothing, when more files than this would be deleted.")
    var maxDeletes = 256

    @Flag(name: .customLong("dry-run"), help: "List what would be uploaded and deleted, and change nothing.")
    var dryRun = false

    @Option(name: .customLong("base-url"), help: "Override site.yml's base_url for the feed URLs sent to the WebSub hub.")
    var baseURL: String?

    @Flag(help: "Print nothing on success.")
    var quiet = false

    @Flag(help: "Print each file the tools transfer or delete.")
    var verbose = false

    func validate() throws {
        do {
            _ = try parsedDestination()
        } catch {
            throw ValidationError("\(error)")
        }
        if maxDeletes < 0 { throw ValidationError("--max-deletes must be 0 or more, not \(maxDeletes)") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot go together") }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' must be an absolute URL")
        }
    }

    private func parsedDestination() throws -> PublishDestination {
        try PublishDestination(destination, workingFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    func run() throws {
        let started = Date()
        let result: PublishResult
        do {
            var options = PublishOptions(
                output: FolderOptions.url(output), site: SourceFolder(url: FolderOptions.url(site), displayName: site),
                destination: try parsedDestination()
            )
            options.maxDeletes = maxDeletes
            options.dryRun = dryRun
            options.baseURL = baseURL
            if verbose { options.toolOutput = { Swift.print($0) } }
            result = try Publisher.publish(options)
        } catch {
            Report.printError("publish: error: \(error)")
            throw ExitCode(1)
        }
        guard !quiet else { return }
        for warning in result.warnings { Report.printError("publish: warning: \(warning)") }
        if dryRun {
            for path in result.uploaded { Swift.print("upload \(path)") }
            for path in result.deleted { Swift.print("delete \(path)") }
        }
        Swift.print(PublishSummary.line(result, destination: destination, dryRun: dryRun, seconds: Date().timeIntervalSince(started)))
    }
}

/// The one line a publish prints.
enum PublishSummary {
    static func line(_ result: PublishResult, destination: String, dryRun: Bool, seconds: Double) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let time = String(format: " in %.2f s", seconds)
        if !dryRun, result.uploaded.isEmpty, result.deleted.isEmpty, result.pinged.isEmpty {
            return "publish: nothing changed since the last publish to \(destination)" + time
        }
        let pages = result.uploaded.count - result.feedsAndSitemaps
        var line = dryRun ? "publish --dry-run: would upload " : "publish: uploaded "
        line += "\(count(result.uploaded.count, "file")) (\(pages) pages and assets, \(result.feedsAndSitemaps) feeds and sitemaps), "
        line += dryRun ? "would delete \(result.deleted.count)" : "deleted \(result.deleted.count)"
        if !result.pinged.isEmpty { line += ", \(count(result.pinged.count, "hub ping"))" }
        return line + " to \(destination)" + time
    }
}
