import ArgumentParser
import Foundation
import Newsroom
import NewsroomServer

/// `generate serve`: live preview on loopback.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Build, serve output/ on 127.0.0.1, rebuild and reload on every change.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "The port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; loopback unless you mean otherwise.")
    var host = "127.0.0.1"

    @Flag(help: "Publish drafts too.")
    var drafts = false

    @Flag(help: "Publish items dated in the future too.")
    var future = false

    @Flag(help: "Print the time per stage of each rebuild.")
    var verbose = false

    func run() async throws {
        var options = GenerateOptions(site: folders.siteFolder, themes: folders.themesFolder, output: folders.outputURL, now: Date())
        options.includeDrafts = drafts
        options.includeFuture = future
        let server = PreviewServer(options: options, host: host, port: port) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        server.verbose = verbose
        let port = try await server.start()
        FileHandle.standardOutput.write(Data("serving \(folders.output) at http://\(host):\(port)/ (Ctrl-C to stop)\n".utf8))
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: 3_600_000_000_000)
        }
    }
}
