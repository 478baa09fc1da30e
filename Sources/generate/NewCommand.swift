import ArgumentParser
import Foundation
import Newsroom

/// `generate new "Title"`: scaffolds a news item dated now in the site timezone.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a news item with its front matter filled in.")

    @Argument(help: "The headline.")
    var title: String

    @Flag(help: "Create a bundle folder (index.md, with room for images beside it).")
    var bundle = false

    @Option(help: "The site folder.")
    var site = "site"

    @Option(help: "The clock, as ISO 8601 (for tests).")
    var now: String?

    func validate() throws {
        if let now, !DateParser.isValidTimestamp(now) {
            throw ValidationError("--now '\(now)' is not an ISO 8601 date or date-time")
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("the title is empty")
        }
    }

    func run() throws {
        let folder = SourceFolder(url: FolderOptions.url(site), displayName: site)
        let clock = now.flatMap { DateParser.instant($0) } ?? Date()
        switch Scaffold.newItem(title: title, bundle: bundle, site: folder, now: clock) {
        case .success(let path):
            print(path)
        case .failure(let failure):
            Report.printError("error: \(failure)")
            throw ExitCode(1)
        }
    }
}
