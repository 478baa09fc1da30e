import ArgumentParser
import Foundation
import Newsroom

/// Parses and runs a command. Usage errors exit 2 (swift-argument-parser's own code is 64);
/// content errors exit 1.
func runGenerate() async {
    do {
        var command = try await GenerateCommand.asyncParseAsRoot()
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    } catch {
        if GenerateCommand.exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((GenerateCommand.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
        GenerateCommand.exit(withError: error)
    }
}

ProcessMemory.limitRetainedMemory()
await runGenerate()
