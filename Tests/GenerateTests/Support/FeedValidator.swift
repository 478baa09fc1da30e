import Foundation

/// Runs `Tests/Validation/check_feeds.py` (feedparser, the RFC 4287 rules, the JSON Feed 1.1
/// schema with `jsonschema`): validators other than our own code. `make test` installs
/// `python3-feedparser` and `python3-jsonschema`.
enum FeedValidator {
    static let script = Fixtures.repository.appendingPathComponent("Tests/Validation/check_feeds.py")

    /// The script's report on `output`: its exit status and one line per file.
    static func check(_ output: URL) throws -> CommandRunner.Outcome {
        try CommandRunner.run([script.path, output.path], in: output, executable: URL(fileURLWithPath: "/usr/bin/python3"))
    }

    /// The entry ids feedparser reads from one RSS or Atom file, in order.
    static func ids(_ feed: URL) throws -> [String] {
        let outcome = try CommandRunner.run([script.path, "--ids", feed.path], in: feed.deletingLastPathComponent(), executable: URL(fileURLWithPath: "/usr/bin/python3"))
        return outcome.stdout.split(separator: "\n").map(String.init)
    }
}
