import ArgumentParser
import Foundation
import Newsroom

/// `generate check`: every build check plus page checks, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, links, #fragments, icons, alt text, headings, lang and ids without writing."
    )

    @OptionGroup var folders: FolderOptions

    @Flag(help: "Check drafts too.")
    var drafts = false

    @Flag(help: "Check items dated in the future too.")
    var future = false

    @Option(help: "The clock, as ISO 8601.")
    var now: String?

    @Flag(help: "Print nothing when everything is fine.")
    var quiet = false

    func run() throws {
        var options = GenerateOptions(site: folders.siteFolder, themes: folders.themesFolder, output: folders.outputURL, now: Date())
        options.nowText = now
        options.includeDrafts = drafts
        options.includeFuture = future
        let diagnostics = SiteCheck.run(options, outputName: folders.output)
        for diagnostic in diagnostics { Report.printError(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 {
            Report.printError("check: \(errors) problem\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        if !quiet { print("check: no problems") }
    }
}
