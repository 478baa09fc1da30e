import ArgumentParser
import Foundation
import Newsroom

extension ImportKind: ExpressibleByArgument {}

/// `generate import jekyll|hugo|wordpress|markdown SOURCE`: brings an existing archive into the
/// site, with every old URL kept as an alias and every internal link checked by the build.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import news and pages from Jekyll, Hugo, a WordPress export or a folder of Markdown files."
    )

    @Argument(help: "jekyll, hugo, wordpress or markdown")
    var kind: ImportKind

    @Argument(help: "The site's root, its posts folder, or (wordpress) the export's XML file.")
    var source: String

    @Option(help: "The site folder to import into.")
    var site = "site"

    @Option(name: .customLong("base-url"), help: "The old site's address, for links into it and for site.yml.")
    var baseURL: String?

    @Option(help: "The old URL pattern (:year :month :day :title :slug :categories :section :name).")
    var permalink: String?

    @Flag(name: .customLong("dry-run"), help: "Print the report and write nothing.")
    var dryRun = false

    @Flag(help: "Overwrite files that already exist in the site.")
    var force = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, not '\(baseURL)'")
        }
        if let permalink, !permalink.hasPrefix("/") {
            throw ValidationError("--permalink must be a path starting with '/', like /:year/:month/:title/")
        }
    }

    func run() throws {
        let options = ImportOptions(
            kind: kind,
            source: SourceFolder(url: FolderOptions.url(source), displayName: source),
            site: SourceFolder(url: FolderOptions.url(site), displayName: site),
            baseURL: baseURL, permalink: permalink, dryRun: dryRun, force: force
        )
        let outcome = Importer.run(options)
        for diagnostic in outcome.diagnostics { Report.printError(diagnostic.description) }
        if !outcome.wroteNothing || dryRun {
            print(outcome.report.text, terminator: "")
        }
        if !outcome.diagnostics.filter({ $0.severity == .error }).isEmpty { throw ExitCode(1) }
    }
}
