import ArgumentParser
import Foundation
import Newsroom

/// The build itself: `generate` with no subcommand.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site (the default).")

    @OptionGroup var folders: FolderOptions

    @Option(name: .customLong("base-url"), help: "Override site.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Publish drafts too (marked as drafts).")
    var drafts = false

    @Flag(help: "Publish items dated in the future too (marked as scheduled).")
    var future = false

    @Option(help: "The clock, as ISO 8601 (2023-03-21 or 2023-03-21T10:00:00+02:00), for scheduled items and tests.")
    var now: String?

    @Flag(name: .customLong("clean-urls"), help: "Links end in a folder (/news/) rather than index.html, for web servers.")
    var cleanURLs = false

    @Flag(help: "Print nothing on success.")
    var quiet = false

    @Flag(help: "Print timings per stage and the next scheduled item.")
    var verbose = false

    func validate() throws {
        if let now, !DateParser.isValidTimestamp(now) {
            throw ValidationError("--now '\(now)' is not an ISO 8601 date or date-time")
        }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' must be an absolute URL")
        }
        if quiet && verbose {
            throw ValidationError("--quiet and --verbose cannot go together")
        }
    }

    func run() throws {
        let started = Date()
        var options = GenerateOptions(site: folders.siteFolder, themes: folders.themesFolder, output: folders.outputURL, now: Date())
        options.nowText = now
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.includeFuture = future
        options.cleanURLs = cleanURLs ? true : nil
        options.countPageKinds = verbose
        if !quiet, isatty(STDERR_FILENO) == 1 {
            options.progress = Progress.line(started: started)
        }
        let result = Generator.build(options)
        Progress.clear(started: started)
        Report.print(result, quiet: quiet, verbose: verbose, seconds: Date().timeIntervalSince(started))
        if !result.succeeded { throw ExitCode(1) }
    }
}
