import ArgumentParser
import Foundation
import Newsroom

/// `generate`: builds the site; its subcommands are the author's and operator's tools.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Build the news section from site/ into output/.",
        subcommands: [BuildCommand.self, NewCommand.self, ServeCommand.self, CheckCommand.self, ListCommand.self,
                      ImportCommand.self, PublishCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Where the site, themes and output are, shared by the subcommands.
struct FolderOptions: ParsableArguments {
    @Option(help: "The site folder.")
    var site = "site"

    @Option(help: "The folder holding themes.")
    var themes = "themes"

    @Option(help: "The output folder.")
    var output = "output"

    var siteFolder: SourceFolder { SourceFolder(url: Self.url(site), displayName: site) }
    var themesFolder: SourceFolder { SourceFolder(url: Self.url(themes), displayName: themes) }
    var outputURL: URL { Self.url(output) }

    static func url(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
    }
}
