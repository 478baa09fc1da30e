import Foundation
import Testing
@testable import Newsroom

/// The search index the build writes: what it holds, its split by year, what a rebuild
/// rewrites, the `site.yml` choice and its size.
@Suite struct SearchIndexTests {
    /// The objects a script pushes onto `newsroomSearch`, read back as JSON.
    static func pushed(_ script: String) throws -> [String: Any] {
        let prefix = "(self.newsroomSearch=self.newsroomSearch||[]).push("
        #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"))
        let json = script.dropFirst(prefix.count).dropLast(3)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// The documents of a part: records separated by U+001E, fields by U+001F.
    static func documents(_ part: [String: Any]) -> [[String]] {
        guard let docs = part["docs"] as? String, !docs.isEmpty else { return [] }
        return docs.split(separator: "\u{1E}", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The postings of a part, one list of base-36 differences per term.
    static func postings(_ part: [String: Any]) -> [String] {
        (part["postings"] as? String ?? "").split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func indexHoldsEveryPublishedItemAndNothingElse() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics)")
        let part = try Self.pushed(try #require(site.read("search/index.js")))
        #expect(part["part"] as? String == "all")
        let documents = Self.documents(part)
        #expect(documents.count == NewsSite.published)
        for document in documents {
            #expect(document.count == 6)
            #expect(site.exists(document[0]), "\(document[0]) is not a page of the output")
        }
        // Newest first, as the site lists them.
        #expect(documents.map { $0[2] } == documents.map { $0[2] }.sorted(by: >))
        let titles = Set(documents.map { $0[1] })
        for unpublished in ["Fixture item item-07", "Fixture item item-19", "Fixture item future-one", "Fixture item future-two"] {
            #expect(!titles.contains(unpublished), "\(unpublished) is a draft or scheduled")
        }
        let terms = (part["terms"] as? String ?? "").split(separator: " ").map(String.init)
        let postings = Self.postings(part)
        #expect(terms.count == postings.count && !terms.isEmpty)
        #expect(part["count"] as? Int == documents.count)
        #expect(terms == terms.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
    }

    @Test func pastTheLimitTheIndexIsSplitByYear() throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        #expect(site.build { $0.searchSplitAbove = 5 }.succeeded)
        let manifest = try Self.pushed(try #require(site.read("search/index.js")))
        let parts = try #require(manifest["parts"] as? [[Any]])
        #expect(parts.count == 3)
        var total = 0
        for entry in parts {
            let name = try #require(entry[0] as? String), file = try #require(entry[1] as? String), count = try #require(entry[2] as? Int)
            #expect(file == "search/\(name).js")
            let part = try Self.pushed(try #require(site.read(file)))
            let documents = Self.documents(part)
            #expect(documents.count == count)
            #expect(documents.allSatisfy { $0[2].hasPrefix(name + "-") }, "\(name): \(documents.map { $0[2] })")
            total += count
        }
        #expect(total == NewsSite.published)
        #expect(parts.compactMap { $0[0] as? String } == parts.compactMap { $0[0] as? String }.sorted(by: >))
    }

    /// Items are listed by the instant they name, parts by the year as written: around a new
    /// year, dates written in different offsets interleave the two years. Each year is still
    /// one part holding all its items, newest first.
    @Test func aYearWhoseItemsInterleaveWithAnothersIsStillOnePart() throws {
        let site = try TestSite("""
            \(Self.siteYAML(search: nil))
            -- site/content/news/late-utc.md --
            ---
            title: "Late UTC"
            date: 2024-01-01T06:00:00Z
            ---
            Dawn in London.
            -- site/content/news/new-york-eve.md --
            ---
            title: "New York eve"
            date: 2023-12-31T23:00:00-05:00
            ---
            An hour before midnight in New York.
            -- site/content/news/nairobi-midnight.md --
            ---
            title: "Nairobi midnight"
            date: 2024-01-01T00:30:00+03:00
            ---
            Half past midnight in Nairobi.
            -- site/content/news/summer.md --
            ---
            title: "Summer"
            date: 2023-06-01
            ---
            A June day.
            """)
        defer { site.delete() }
        try site.useDefaultTheme()
        let result = site.build { $0.searchSplitAbove = 2 }
        #expect(result.succeeded, "\(result.diagnostics)")
        let manifest = try Self.pushed(try #require(site.read("search/index.js")))
        let parts = try #require(manifest["parts"] as? [[Any]])
        #expect(parts.compactMap { $0[0] as? String } == ["2024", "2023"])
        #expect(parts.compactMap { $0[2] as? Int } == [2, 2])
        for (name, titles) in [("2024", ["Late UTC", "Nairobi midnight"]), ("2023", ["New York eve", "Summer"])] {
            let part = try Self.pushed(try #require(site.read("search/\(name).js")))
            #expect(Self.documents(part).map { $0[1] } == titles, "\(name)")
        }
    }

    /// Inode and modification time of each index file: a file written again gets a new inode.
    static func stamps(_ site: TestSite) throws -> [String: String] {
        let folder = site.output.appendingPathComponent("search")
        var stamps: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamps[name] = "\(attributes[.systemFileNumber] ?? 0)@\(modified)"
        }
        return stamps
    }

    /// Builds the news fixture split by year, rebuilds it unchanged, then edits the body of
    /// one 2023 item and rebuilds; with `local` false the site uses an external engine and has
    /// no index (the control). Returns the index files' stamps after each build and the bodies
    /// parsed by the last.
    static func editOne2023Item(search local: Bool) throws -> (stamps: [[String: String]], parses: Int, part2023: Int, noOpWritten: Int) {
        let site = try NewsSite.make()
        defer { site.delete() }
        if !local {
            let config = site.site.appendingPathComponent("site.yml")
            try (try String(contentsOf: config, encoding: .utf8) + "search: external\n").write(to: config, atomically: true, encoding: .utf8)
        }
        let parses = ParseCounter()
        let options: (inout GenerateOptions) -> Void = {
            $0.searchSplitAbove = 5
            // No body stays in memory: every body a build needs is parsed again, and counted.
            $0.bodies = BodyStore.Options(bytesInMemory: 0, onParse: { _ in parses.add() })
        }
        #expect(site.build(options).succeeded)
        var stamps = [local ? try Self.stamps(site) : [:]]
        let noOp = site.build(options)
        #expect(noOp.succeeded)
        stamps.append(local ? try Self.stamps(site) : [:])
        // An item of 2023 changes its body (not its summary, title or date).
        let path = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
        try (try String(contentsOf: path, encoding: .utf8) + "\nA closing line about lighthouses.\n").write(to: path, atomically: true, encoding: .utf8)
        parses.reset()
        let edited = site.build(options)
        #expect(edited.succeeded, "\(edited.diagnostics)")
        stamps.append(local ? try Self.stamps(site) : [:])
        var part2023 = 0
        if local {
            let text = try #require(site.read("search/2023.js"))
            #expect(text.contains("lighthous"))
            part2023 = Self.documents(try Self.pushed(text)).count
        }
        return (stamps, parses.value, part2023, noOp.report.written)
    }

    @Test func aRebuildRewritesOnlyThePartHoldingAChangedItem() throws {
        let local = try Self.editOne2023Item(search: true)
        #expect(local.stamps[0].count == 4)
        #expect(local.noOpWritten == 0)
        #expect(local.stamps[1] == local.stamps[0], "a no-op rebuild touched an index file")
        let changed = Set(local.stamps[2].keys.filter { local.stamps[2][$0] != local.stamps[1][$0] })
        #expect(changed == ["2023.js"], "\(changed)")
        // The index reads the edited body again, and no other: the other items of 2023 come
        // with their terms from the previous build. The same edit on the site without an index
        // parses exactly one body fewer.
        let external = try Self.editOne2023Item(search: false)
        #expect(local.part2023 > 1)
        #expect(local.parses - external.parses == 1, "\(local.parses) bodies parsed, \(external.parses) without the index")
    }

    /// The news fixture split by year is built, then one 2023 item's body and another's title
    /// are edited, `cache` is done to the terms the first build kept, and the site is rebuilt.
    /// Every index file then equals what a clean build writes, and the parts of other years are
    /// the files the first build wrote.
    @Test(arguments: ["kept", "cut short", "another part's", "removed"])
    func aRebuiltPartEqualsACleanBuildsWhateverTheKeptTerms(cache: String) throws {
        let site = try NewsSite.make()
        defer { site.delete() }
        let split: (inout GenerateOptions) -> Void = { $0.searchSplitAbove = 5 }
        #expect(site.build(split).succeeded)
        let folder = site.root.appendingPathComponent(".newsroom-cache/output/search")
        let kept = folder.appendingPathComponent("2023.terms")
        let bytes = try Data(contentsOf: kept)
        switch cache {
        case "cut short": try bytes.prefix(bytes.count / 2).write(to: kept)
        case "another part's": try Data(contentsOf: folder.appendingPathComponent("2024.terms")).write(to: kept)
        case "removed": try FileManager.default.removeItem(at: folder)
        default: break
        }
        let before = try Self.stamps(site)
        let body = site.site.appendingPathComponent("content/news/2023-09-20-item-12.md")
        try (try String(contentsOf: body, encoding: .utf8) + "\nA closing line about lighthouses.\n").write(to: body, atomically: true, encoding: .utf8)
        let title = site.site.appendingPathComponent("content/news/2023-01-25-item-16.md")
        try (try String(contentsOf: title, encoding: .utf8)).replacingOccurrences(of: "title: \"Fixture item item-16\"", with: "title: \"Fixture item item-16 about harbours\"")
            .write(to: title, atomically: true, encoding: .utf8)
        let rebuilt = site.build(split)
        #expect(rebuilt.succeeded, "\(rebuilt.diagnostics)")
        let after = try Self.stamps(site)
        #expect(Set(after.keys.filter { after[$0] != before[$0] }) == ["2023.js"])
        let clean = site.root.appendingPathComponent("clean")
        #expect(site.build { split(&$0); $0.output = clean }.succeeded)
        let names = try FileManager.default.contentsOfDirectory(atPath: clean.appendingPathComponent("search").path)
        #expect(names.sorted() == after.keys.sorted())
        for name in names {
            let path = "search/" + name
            #expect(site.read(path) == (try? String(contentsOf: clean.appendingPathComponent(path), encoding: .utf8)), "\(path)")
        }
        let part = try #require(site.read("search/2023.js"))
        #expect(part.contains("lighthous") && part.contains("harbour"))
        // The terms are kept again, for the next edit.
        #expect(try Data(contentsOf: kept) != bytes)
    }

    @Test func externalSearchWritesNoIndexAndKeepsTheEngineForm() throws {
        let site = try Self.oneItemSite(search: "external")
        defer { site.delete() }
        #expect(site.build().succeeded)
        #expect(!site.exists("search/index.js"))
        let home = try #require(site.read("index.html"))
        #expect(!home.contains("search.js") && !home.contains("data-search-assets") && !home.contains("search-results"))
        #expect(home.contains("<form class=\"search\" action=\"https://duckduckgo.com/\" method=\"get\" role=\"search\">"))
        #expect(home.contains("<input type=\"hidden\" name=\"sites\" value=\"news.example.org\">"))
    }

    /// The `site.yml` of the small sites below, with `search:` set to `search` when given.
    static func siteYAML(search: String?) -> String {
        """
        -- site/site.yml --
        title: "T"
        base_url: "https://news.example.org/"
        timezone: UTC
        theme: minimal
        \(search.map { "search: \($0)" } ?? "")
        """
    }

    /// One item with the default theme, and `search:` set to `search` when given.
    static func oneItemSite(search: String?) throws -> TestSite {
        let site = try TestSite("""
            \(Self.siteYAML(search: search))
            -- site/content/news/2024-01-02-one.md --
            ---
            title: "One"
            ---
            Body.
            """)
        try site.useDefaultTheme()
        return site
    }

    @Test func localSearchFormWorksWithoutJavaScript() throws {
        let site = try Self.oneItemSite(search: nil)
        defer { site.delete() }
        #expect(site.build().succeeded)
        let item = try #require(site.read("news/2024/01/one/index.html"))
        // Without the script the form still submits (to the engine); the results stay hidden.
        #expect(item.contains("<form class=\"search\" action=\"https://duckduckgo.com/\" method=\"get\" role=\"search\" data-search-assets=\"../../../../assets/\">"))
        #expect(item.contains("<input id=\"search-query\" name=\"q\" type=\"search\""))
        #expect(item.contains("<div class=\"search-results\" id=\"search-results\" hidden>"))
        #expect(item.contains("<script src=\"../../../../assets/search.js\" defer></script>"))
        #expect(site.exists("assets/search.js") && site.exists("search/index.js"))
    }

    @Test func anUnknownSearchChoiceIsALocatedError() throws {
        let site = try TestSite(Self.siteYAML(search: "google"))
        defer { site.delete() }
        let result = site.build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.description) == ["site/site.yml:5:9: error: 'search' must be local or external, not 'google'"])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// The issue's budget is 600 KB gzipped per 1,000 items of full text.
    @Test func indexStaysWithinItsSizeBudget() throws {
        let site = try TestSite("", theme: false)
        defer { site.delete() }
        try TestCorpus.write(items: 300, to: site.site)
        try site.useDefaultTheme()
        let result = site.build()
        #expect(result.succeeded, "\(result.diagnostics.prefix(3))")
        let part = try Self.pushed(try #require(site.read("search/index.js")))
        let items = Self.documents(part).count
        #expect(items > 250)
        let gzipped = try Self.gzippedSize(site.output.appendingPathComponent("search/index.js"))
        #expect(gzipped * 1_000 / items <= 600_000, "\(gzipped) bytes gzipped for \(items) items")
    }

    static func gzippedSize(_ file: URL) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-9", "-c", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.count
    }
}

/// A count several threads add to.
private final class ParseCounter: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    func reset() { lock.withLock { count = 0 } }
    var value: Int { lock.withLock { count } }
}
