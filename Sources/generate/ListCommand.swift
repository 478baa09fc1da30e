import ArgumentParser
import Foundation
import Newsroom

/// `generate list drafts|scheduled|expired`: what the cron job will (or will no longer) publish.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List drafts, scheduled items or expired items: date (site timezone), path, title."
    )

    @Argument(help: "drafts, scheduled or expired")
    var kind: Inventory.Kind

    @OptionGroup var folders: FolderOptions

    @Option(help: "The clock, as ISO 8601.")
    var now: String?

    func validate() throws {
        if let now, !DateParser.isValidTimestamp(now) {
            throw ValidationError("--now '\(now)' is not an ISO 8601 date or date-time")
        }
    }

    func run() throws {
        switch Inventory.list(kind, site: folders.siteFolder, themes: folders.themesFolder, now: Date(), nowText: now) {
        case .success(let lines):
            for line in lines { print(line.description) }
        case .failure(let diagnostics):
            Report.printError(diagnostics.description)
            throw ExitCode(1)
        }
    }
}

extension Inventory.Kind: ExpressibleByArgument {}
