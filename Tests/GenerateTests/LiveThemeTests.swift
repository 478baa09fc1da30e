import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// `serve` after an edit of the theme's templates: only the pages made with the layouts the
/// edit reaches render again, their bodies as kept from the last render (no Markdown is parsed
/// again), and the output is a clean build's.
@Suite struct LiveThemeTests {
    /// A live site, and the Markdown texts it parses, in order.
    static func liveSite(_ site: TestSite) -> (LiveSite, LiveOutputTests.Looked) {
        let parses = LiveOutputTests.Looked()
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        options.bodies.onParse = { text in parses.paths.withLock { $0.append(text) } }
        return (LiveSite(options: options), parses)
    }

    /// Appends `text` to the theme file at `path` (below the themes folder) and rebuilds as the
    /// watcher reports it.
    @discardableResult
    static func edit(_ path: String, appending text: String, in site: TestSite, live: LiveSite) throws -> BuildResult {
        let file = site.themes.appendingPathComponent(path)
        try (String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
        return live.rebuild(changed: [file.standardizedFileURL.path])
    }

    static let itemBodies = ["Some detail.", "![A drawing](photo.svg)"]

    @Test func aLayoutEditParsesNoItemBodyAgain() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let (live, parses) = Self.liveSite(site)
        #expect(live.rebuild().succeeded)
        #expect(parses.take().contains { $0.contains("Some detail.") })
        let result = try Self.edit("minimal/layouts/item.mustache", appending: "<!-- edited -->\n", in: site, live: live)
        #expect(result.succeeded, "\(result.diagnostics)")
        let parsed = parses.take()
        #expect(!parsed.contains { text in Self.itemBodies.contains { text.contains($0) } }, "\(parsed)")
        #expect(site.read("news/2023/03/first/index.html")?.contains("<!-- edited -->") == true)
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "layout edit")
    }

    /// Layout edits, partial edits, a broken template and its fix, each followed by a body
    /// edit: after every step the output is a clean build's.
    @Test func themeEditsBetweenBodyEditsEqualACleanBuild() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let (live, _) = Self.liveSite(site)
        #expect(live.rebuild().succeeded)
        let steps: [(String, String)] = [
            ("minimal/layouts/item.mustache", "<p>layout edit</p>\n"),
            ("minimal/partials/card.mustache", "<!-- card edit -->\n"),
            ("minimal/layouts/base.mustache", "<!-- base edit -->\n"),
        ]
        for (number, (path, text)) in steps.enumerated() {
            let result = try Self.edit(path, appending: text, in: site, live: live)
            #expect(result.succeeded, "\(path): \(result.diagnostics)")
            Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "\(path)")
            try LiveOutputTests.edit(site, "Body edit \(number) after \(path).")
            #expect(live.rebuild(changed: LiveOutputTests.reported(site)).succeeded)
            Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "body edit after \(path)")
        }
        // A broken template keeps the output; the fix renders what it reaches.
        let good = site.outputTree()
        let broken = try Self.edit("minimal/layouts/item.mustache", appending: "{{#unclosed}}\n", in: site, live: live)
        #expect(!broken.succeeded)
        #expect(site.outputTree() == good)
        let file = site.themes.appendingPathComponent("minimal/layouts/item.mustache")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "{{#unclosed}}\n", with: "<p>fixed</p>\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(live.rebuild(changed: [file.standardizedFileURL.path]).succeeded)
        #expect(site.read("news/2023/03/first/index.html")?.contains("<p>fixed</p>") == true)
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "fixed")
        try LiveOutputTests.edit(site, "Body edit after the fix.")
        #expect(live.rebuild(changed: LiveOutputTests.reported(site)).succeeded)
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "body edit after the fix")
    }

    static let first = "news/2023/03/first/index.html", second = "news/2023/04/second/index.html"

    /// A live site that puts open pages first from a single other page to render, whose
    /// staged page writes fail while `failing` is set.
    final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool {
            get { value.withLock { $0 } }
            set { value.withLock { $0 = newValue } }
        }
    }

    static func firstPagesSite(_ site: TestSite, failing: Flag = Flag()) -> LiveSite {
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        options.secondPassFrom = 1
        let local = options.fileSystem
        options.fileSystem.write = { path, folder, fill in
            if path.hasSuffix(StagedSession.stagedSuffix), failing.isSet { throw OutputError("refused by the test") }
            return try local.write(path, folder, fill)
        }
        return LiveSite(options: options)
    }

    static func editItemLayout(_ site: TestSite, _ text: String) throws -> Set<String> {
        let file = site.themes.appendingPathComponent("minimal/layouts/item.mustache")
        try (String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
        return [file.standardizedFileURL.path]
    }

    @Test func anOpenPageIsInPlaceBeforeTheOthers() throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let live = Self.firstPagesSite(site)
        #expect(live.rebuild().succeeded)
        let changed = try Self.editItemLayout(site, "<p>open first</p>\n")
        var calls: [Set<String>?] = []
        let result = live.rebuild(changed: changed, openPages: [Self.first]) { result in
            calls.append(result.pagesToFollow)
            #expect(result.succeeded, "\(result.diagnostics)")
            let secondDone = site.read(Self.second)?.contains("<p>open first</p>") == true
            #expect(site.read(Self.first)?.contains("<p>open first</p>") == true)
            #expect(secondDone == (calls.count == 2))
        }
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(calls == [[Self.second], nil])
        #expect(result.stageTimes.map(\.stage).contains("first render"))
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "both passes")
        // The state saved is the one a plain build starts from: it has nothing to write.
        #expect(site.build().report.written == 0)
        // A body edit starts from the plan the second pass rendered.
        try LiveOutputTests.edit(site, "After both passes.")
        #expect(live.rebuild(changed: LiveOutputTests.reported(site), openPages: [Self.first]).succeeded)
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "body edit after both passes")
        // With no page open, or too few pages for a second pass, one pass does it all.
        var one = 0
        #expect(live.rebuild(changed: try Self.editItemLayout(site, "<p>none open</p>\n")) { _ in one += 1 }.succeeded)
        let plain = Self.liveSite(site).0
        #expect(plain.rebuild().succeeded)
        #expect(plain.rebuild(changed: try Self.editItemLayout(site, "<p>few</p>\n"), openPages: [Self.first]) { _ in one += 1 }.succeeded)
        #expect(one == 2)
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, "one pass")
    }

    /// The second pass fails: the open page is new, the other as it was, and both the live
    /// site and a plain build started from the state the first pass saved finish the job.
    @Test(arguments: ["serve", "generate"])
    func aFailedSecondPassIsFinishedByTheNextBuild(_ next: String) throws {
        let site = try TestSite(Sites.valid)
        defer { site.delete() }
        let failing = Flag()
        let live = Self.firstPagesSite(site, failing: failing)
        #expect(live.rebuild().succeeded)
        let changed = try Self.editItemLayout(site, "<p>half</p>\n")
        let result = live.rebuild(changed: changed, openPages: [Self.first]) { result in
            if result.pagesToFollow != nil { failing.isSet = true }
        }
        failing.isSet = false
        #expect(!result.succeeded)
        #expect(site.read(Self.first)?.contains("<p>half</p>") == true)
        #expect(site.read(Self.second)?.contains("<p>half</p>") == false)
        if next == "serve" {
            #expect(live.rebuild(changed: []).succeeded)
        } else {
            let plain = site.build()
            #expect(plain.succeeded && !plain.reusedOutput, "\(plain.diagnostics)")
        }
        Fixtures.expectSameFiles(site.outputTree(), as: LiveSiteTests.cleanBuild(of: site).1, next)
    }
}
