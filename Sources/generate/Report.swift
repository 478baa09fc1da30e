import Foundation
import Newsroom

/// How a build's outcome is shown: diagnostics on standard error, one summary line on success.
enum Report {
    static func print(_ result: BuildResult, quiet: Bool, verbose: Bool, seconds: Double) {
        for diagnostic in result.diagnostics where diagnostic.severity == .error || !quiet {
            printError(diagnostic.description)
        }
        if let outputError = result.outputError {
            printError("error: \(outputError)")
        }
        guard result.succeeded else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            if errors > 0 {
                printError("generate: \(errors) error\(errors == 1 ? "" : "s"); nothing was written, the previous output is kept")
            }
            return
        }
        if verbose {
            for (stage, time) in result.stageTimes {
                Swift.print(String(format: "  %-8@ %8.1f ms", stage, time * 1000))
            }
            for (kind, count) in result.pagesByKind.sorted(by: { $0.key < $1.key }) {
                Swift.print("  \(kind): \(count)")
            }
            Swift.print("  images encoded: \(result.imagesEncoded)")
            if result.reusedOutput {
                Swift.print("nothing changed since the last build: every file was kept as it is")
            }
            if let next = result.nextScheduled {
                Swift.print("next scheduled: \(next.date.iso8601) \(next.path)")
            } else {
                Swift.print("next scheduled: none")
            }
        }
        guard !quiet else { return }
        let report = result.report
        Swift.print(String(
            format: "generate: %d pages, %d feeds in %.2f s (%d written, %d unchanged, %d removed)",
            result.pageCount, result.feedCount, seconds, report.written, report.unchanged, report.removed
        ))
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
