import Foundation
import Synchronization
import Testing
@testable import Newsroom

/// `serve` after an edit of the theme's templates: only the pages made with the layouts the
/// edit reaches render again, their bodies as kept from the last render (no Markdown is parsed
/// again), and the output is a clean build's.
@Suite struct LiveThemeTests {
    /// The Markdown texts parsed, in order.
    final class Parses: Sendable {
        let texts = Mutex<[String]>([])
        func take() -> [String] {
            texts.withLock { texts in
                defer { texts = [] }
                return texts
            }
        }
    }

    static func liveSite(_ site: TestSite) -> (LiveSite, Parses) {
        let parses = Parses()
        var options = site.options()
        options.imageCache = site.root.appendingPathComponent("live-cache")
        options.bodies.onParse = { text in parses.texts.withLock { $0.append(text) } }
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
}
