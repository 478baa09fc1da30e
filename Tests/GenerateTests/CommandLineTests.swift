import Foundation
import Testing

/// SPEC §5: the command's options, exit codes 0/1/2, summary line and quiet mode.
@Suite struct CommandLineTests {
    let arguments = ["--now", "2026-11-29T12:00:00Z"]

    @Test func successPrintsOneSummaryLine() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let outcome = try CommandRunner.run(arguments, in: site.root)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("generate: 12 pages, 9 feeds in ") == true, "\(lines)")
    }

    @Test func quietPrintsNothing() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let outcome = try CommandRunner.run(arguments + ["--quiet"], in: site.root)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "" && outcome.stderr == "")
    }

    @Test func contentErrorsExitOneWithLocatedMessages() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2023-05-01-bad.md --
        ---
        title: Bad
        date: 2023-13-01
        ---
        """)
        defer { site.delete() }
        let outcome = try CommandRunner.run(arguments + ["--quiet"], in: site.root)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("site/content/news/2023-05-01-bad.md:3:7: error: 'date' is not a real date: month 13 does not exist\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func usageErrorsExitTwo() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        for bad in [["--now", "yesterday"], ["--no-such-option"], ["--per-page"]] {
            let outcome = try CommandRunner.run(bad, in: site.root)
            #expect(outcome.status == 2, "\(bad)")
            #expect(!outcome.stderr.isEmpty)
        }
    }

    @Test func optionsPointAtOtherFolders() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let outcome = try CommandRunner.run(arguments + [
            "--site", site.site.path, "--themes", site.themes.path, "--output", site.root.appendingPathComponent("public").path,
            "--base-url", "https://news.example.net/", "--verbose",
        ], in: FileManager.default.temporaryDirectory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("next scheduled: none"))
        let home = try String(contentsOf: site.root.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("<link rel=\"canonical\" href=\"https://news.example.net/\">"), "\(home)")
    }

    @Test func verboseNamesTheNextScheduledItem() throws {
        let site = try TestSite(Sites.valid + """

        -- site/content/news/2027-01-05-later.md --
        ---
        title: Later
        date: 2027-01-05T08:00:00+02:00
        ---
        Soon.
        """)
        defer { site.delete() }
        let outcome = try CommandRunner.run(arguments + ["--verbose"], in: site.root)
        #expect(outcome.stdout.contains("next scheduled: 2027-01-05T08:00:00+02:00 site/content/news/2027-01-05-later.md"))
        #expect(!outcome.stdout.contains("nothing changed"))
        // Run again: the output is kept whole, and --verbose says so; the summary is unchanged.
        let again = try CommandRunner.run(arguments + ["--verbose"], in: site.root)
        #expect(again.stdout.contains("nothing changed since the last build: every file was kept as it is"))
        #expect(again.stdout.contains("next scheduled: 2027-01-05T08:00:00+02:00 site/content/news/2027-01-05-later.md"))
        let summary = { (text: String) in text.split(separator: "\n").last.map { $0.replacingOccurrences(of: #"in [0-9.]+ s \([0-9]+ written, [0-9]+ unchanged"#, with: "", options: .regularExpression) } }
        #expect(summary(again.stdout) == summary(outcome.stdout))
    }
}

extension CommandLineTests {
    /// On a terminal a build over a second shows a progress line; piped, it does not.
    @Test func progressLineOnlyOnATerminal() throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: corpus) }
        try TestCorpus.write(items: 1500, to: corpus.appendingPathComponent("ours"))
        let command = [CommandRunner.binary.path, "--site", corpus.appendingPathComponent("ours").path,
                       "--themes", Fixtures.repository.appendingPathComponent("themes").path]
        let onTerminal = try CommandRunner.run(
            ["script", "-qec", (command + ["--output", corpus.appendingPathComponent("tty").path]).joined(separator: " "), "/dev/null"],
            in: corpus, executable: URL(fileURLWithPath: "/usr/bin/env")
        )
        #expect(onTerminal.status == 0)
        #expect(onTerminal.stdout.contains("\rrendering "), "\(onTerminal.stdout.suffix(300))")
        #expect(onTerminal.stdout.contains("generate: "))
        let piped = try CommandRunner.run(Array(command.dropFirst()) + ["--output", corpus.appendingPathComponent("pipe").path], in: corpus)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("rendering"))
        #expect(!piped.stdout.contains("rendering"))
    }
}

/// `generate import` from the command line: the report on standard output, errors with their
/// place on standard error, exit 1 when something could not be imported, 2 on usage errors.
@Suite struct ImportCommandTests {
    @Test func importsReportsAndRefusesToOverwrite() throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try FileManager.default.copyItem(at: Fixtures.url("import/jekyll"), to: work.root.appendingPathComponent("jekyll"))
        let dry = try CommandRunner.run(["import", "jekyll", "jekyll", "--dry-run"], in: work.root)
        #expect(dry.status == 0)
        #expect(dry.stdout == (try String(contentsOf: Fixtures.url("import/jekyll.report.txt"), encoding: .utf8)))
        #expect(!FileManager.default.fileExists(atPath: work.site.path))
        let first = try CommandRunner.run(["import", "jekyll", "jekyll"], in: work.root)
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: work.site.appendingPathComponent("content/news/2019-03-08-womens-day-vigil/index.md").path))
        let again = try CommandRunner.run(["import", "jekyll", "jekyll"], in: work.root)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("site/content/news/2019-03-08-womens-day-vigil/index.md:1:1: error: already exists; nothing was imported (use --force to overwrite)\n"))
        let forced = try CommandRunner.run(["import", "jekyll", "jekyll", "--force"], in: work.root)
        #expect(forced.status == 0)
        for bad in [["import", "joomla", "jekyll"], ["import", "jekyll", "jekyll", "--permalink", ":year/:title"], ["import", "jekyll", "jekyll", "--base-url", "old.example"]] {
            #expect(try CommandRunner.run(bad, in: work.root).status == 2, "\(bad)")
        }
    }
}
