import Foundation
import Testing
@testable import Newsroom

/// The sample site's search in headless Chromium over `file://`, with no flag that loosens
/// what a page may load: `Tests/Shared/search-driver.js` types queries into a copy of a built
/// page and writes what the page showed into the DOM that Chromium dumps.
@Suite(.serialized) struct SearchBrowserTests {
    struct Report: Decodable {
        struct Query: Decodable {
            var query: String
            var count: String
            var shown: Bool
            var titles: [String]
            var hrefs: [String]
            var dates: [String]
        }

        struct Aria: Decodable {
            var status: String?
            var live: String?
            var controls: String?
            var describedBy: String?
            var label: Bool
        }

        var queries: [Query]
        var errors: [String]
        var keys: [Key]
        var hiddenAfterEscape: Bool
        var submitKeptInPage: Bool
        var aria: Aria

        /// Where focus went after a key: the box, or the result at this number.
        enum Key: Decodable, Equatable {
            case input
            case result(Int)

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .result(number) } else { self = .input }
            }
        }
    }

    static let queries = ["evenement", "exploitations", "ukraine", "zzqxj", "traffickin", "Tráfficking, UKRAINE"]

    /// Builds the sample site and drives the search box of `page` (a copy beside it).
    static func drive(_ page: String, in output: URL) throws -> (Report, consoleLines: [String]) {
        let pageURL = output.appendingPathComponent(page)
        let html = try String(contentsOf: pageURL, encoding: .utf8)
        let driver = try String(contentsOf: Fixtures.repository.appendingPathComponent("Tests/Shared/search-driver.js"), encoding: .utf8)
        let setup = "<script>window.driverQueries=\(JSONText.quoted(Self.queries.joined(separator: "\n"))).split(\"\\n\");window.driverKeyboardQuery=\"exploitations\";</script><script>\(driver)</script>"
        let driven = pageURL.deletingLastPathComponent().appendingPathComponent("driver.html")
        try html.replacingOccurrences(of: "<head>", with: "<head>" + setup).write(to: driven, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: driven) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--virtual-time-budget=15000", "--dump-dom", driven.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = ReadInBackground(err.fileHandleForReading)
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let console = errors.text.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        guard let start = dom.range(of: "<pre id=\"driver-results\">", options: .backwards), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            Issue.record("no driver results in the page: \(dom.suffix(2_000))")
            throw CancellationError()
        }
        let json = dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return (try JSONDecoder().decode(Report.self, from: Data(json.utf8)), console)
    }

    @Test(arguments: ["index.html", "news/2025/11/evenement-bucarest-survivantes/index.html"])
    func queriesTypedIntoTheSampleSiteFindWhatReadersExpect(page: String) throws {
        let output = ScratchOutput.make("search")
        defer { ScratchOutput.remove(output) }
        let built = Fixtures.buildSampleSite(into: output)
        #expect(built.succeeded, "\(built.diagnostics)")
        let (report, console) = try Self.drive(page, in: output)
        #expect(report.errors == [])
        #expect(console == [])
        let byQuery = Dictionary(uniqueKeysWithValues: report.queries.map { ($0.query, $0) })

        let accents = try #require(byQuery["evenement"])
        #expect(accents.titles.first?.hasPrefix("Événement à Bucarest") == true, "\(accents.titles)")
        #expect(accents.count.hasPrefix("1 result"), "\(accents.count)")

        // "l'exploitation" in the French item's summary; titles with the word rank first.
        let elided = try #require(byQuery["exploitations"])
        #expect(elided.titles.contains("Événement à Bucarest : des survivantes prennent la parole"), "\(elided.titles)")
        #expect(elided.titles.first?.localizedCaseInsensitiveContains("exploitation") == true, "\(elided.titles)")

        // The tag: every item tagged ukraine, and only items mentioning it.
        let tag = try #require(byQuery["ukraine"])
        let tagged = try Self.itemsTagged("ukraine")
        #expect(Set(tagged).isSubset(of: Set(tag.titles)), "\(tag.titles) lacks some of \(tagged)")
        #expect(tag.count.hasPrefix("\(tag.titles.count) results"), "\(tag.count)")

        let none = try #require(byQuery["zzqxj"])
        #expect(none.count == "No results for “zzqxj”.")
        #expect(none.shown && none.titles.isEmpty)

        // A word still being typed matches the words it begins.
        let typing = try #require(byQuery["traffickin"])
        #expect(typing.titles.count >= 5, "\(typing.titles)")

        // Two words: both must match; accents and case do not matter.
        let both = try #require(byQuery["Tráfficking, UKRAINE"])
        #expect(!both.titles.isEmpty && both.titles.count <= tag.titles.count, "\(both.titles)")

        // Every link opens an existing page, from this page's depth; newer first on equal scores.
        for query in report.queries {
            for href in query.hrefs {
                let url = try #require(URL(string: href))
                #expect(url.isFileURL && FileManager.default.fileExists(atPath: url.path), "\(query.query): \(href)")
            }
        }
        // Title and tag matches first, then body matches, each newer first.
        let head = tag.titles.filter { tagged.contains($0) || $0.localizedCaseInsensitiveContains("ukraine") }
        #expect(Array(tag.titles.prefix(head.count)) == head, "\(tag.titles)")
        let headDates = Array(tag.dates.prefix(head.count)), restDates = Array(tag.dates.dropFirst(head.count))
        #expect(headDates == headDates.sorted(by: >) && restDates == restDates.sorted(by: >), "\(tag.dates)")
        #expect(!restDates.isEmpty)

        #expect(report.keys == [.result(0), .result(1), .result(0), .input, .input])
        #expect(report.hiddenAfterEscape)
        #expect(report.submitKeptInPage)
        #expect(report.aria.status == "status" && report.aria.live == "polite")
        #expect(report.aria.controls == "search-results" && report.aria.describedBy == "search-count" && report.aria.label)
    }

    /// The titles of the sample site's items tagged `tag`, read from their front matter.
    static func itemsTagged(_ tag: String) throws -> [String] {
        let folder = Fixtures.repository.appendingPathComponent("site/content/news")
        var titles: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var url = folder.appendingPathComponent(name)
            if !name.hasSuffix(".md") { url = url.appendingPathComponent("index.md") }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n")
            guard let tags = lines.first(where: { $0.hasPrefix("tags:") }), tags.contains(tag) else { continue }
            if let title = lines.first(where: { $0.hasPrefix("title:") }) {
                titles.append(String(title.dropFirst("title:".count)).trimmingCharacters(in: CharacterSet(charactersIn: " \"")))
            }
        }
        return titles
    }
}

/// A pipe drained on another thread, so a chatty process never blocks on a full pipe.
final class ReadInBackground: @unchecked Sendable {
    // Unchecked: `data` is written once by the reading thread before `group` is left, and read
    // only after waiting on it.
    private var data = Data()
    private let group = DispatchGroup()

    init(_ handle: FileHandle) {
        group.enter()
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.group.leave()
        }
    }

    var text: String {
        group.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
