import ArgumentParser
import Foundation

// Usage errors exit 2 (swift-argument-parser's own code is 64); content errors exit 1.
do {
    var command = try GenerateCommand.parseAsRoot()
    try command.run()
} catch {
    let code = GenerateCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((GenerateCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    GenerateCommand.exit(withError: error)
}
