import Foundation
import Testing
@testable import Newsroom

/// A throwaway site on disk, written from `-- path --` blocks in one string (Hugo's test style).
struct TestSite {
    let root: URL

    var site: URL { root.appendingPathComponent("site") }
    var themes: URL { root.appendingPathComponent("themes") }
    var output: URL { root.appendingPathComponent("output") }

    /// Creates the files of `archive` below a new temporary folder, with the fixture theme.
    init(_ archive: String, theme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if theme { try Self.copyTheme(to: themes.appendingPathComponent("minimal")) }
        try write(archive)
    }

    /// Adds or replaces files from `-- path --` blocks.
    func write(_ archive: String) throws {
        var path: String?
        var lines: [Substring] = []
        func flush() throws {
            guard let path else { return }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8).write(to: url)
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                try flush()
                path = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        try flush()
    }

    func writeData(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func options(now: String = "2026-11-29T12:00:00Z") -> GenerateOptions {
        var options = GenerateOptions(
            site: SourceFolder(url: site, displayName: "site"),
            themes: SourceFolder(url: themes, displayName: "themes"),
            output: output,
            now: Date()
        )
        options.nowText = now
        return options
    }

    @discardableResult
    func build(now: String = "2026-11-29T12:00:00Z", _ adjust: (inout GenerateOptions) -> Void = { _ in }) -> BuildResult {
        var options = options(now: now)
        adjust(&options)
        return Generator.build(options)
    }

    func read(_ outputPath: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(outputPath).path).flatMap { String(data: $0, encoding: .utf8) }
    }

    func exists(_ outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath).path)
    }

    /// Every file below the output folder (our manifest and lock aside) with its bytes.
    func outputTree() -> [String: Data] {
        Fixtures.tree(at: output)
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Puts the repository's real theme beside the site and has `site.yml` use it.
    func useDefaultTheme() throws {
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("themes/default"), to: themes.appendingPathComponent("default"))
        let config = site.appendingPathComponent("site.yml")
        guard let text = try? String(contentsOf: config, encoding: .utf8) else { return }
        try text.replacingOccurrences(of: "theme: minimal", with: "theme: default").write(to: config, atomically: true, encoding: .utf8)
    }

    /// The small theme the fixture sites use, so golden files do not move when the real theme does.
    static func copyTheme(to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.url("themes/minimal"), to: destination)
    }
}

/// The checked-in fixtures folder and the repository around it.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// Builds the repository's sample site with its theme into `output`.
    /// The image cache is `output` with `.image-cache` added, beside it: give an output from
    /// `ScratchOutput.make`, whose `remove` takes both away.
    static func buildSampleSite(into output: URL, now: String = "2026-11-29T12:00:00Z") -> BuildResult {
        var options = GenerateOptions(
            site: SourceFolder(url: repository.appendingPathComponent("site"), displayName: "site"),
            themes: SourceFolder(url: repository.appendingPathComponent("themes"), displayName: "themes"),
            output: output, now: Date()
        )
        options.nowText = now
        options.imageCache = output.appendingPathExtension("image-cache")
        return Generator.build(options)
    }

    /// Records an issue, prefixed with `step`, for each file `actual` lacks, adds or holds
    /// otherwise than `expected` (a clean build's tree).
    static func expectSameFiles(_ actual: [String: Data], as expected: [String: Data], _ step: String) {
        #expect(actual.keys.sorted() == expected.keys.sorted(), "\(step)")
        for (path, bytes) in expected where actual[path] != bytes {
            Issue.record("\(step): \(path) differs from a clean build")
        }
    }

    /// Every regular file below `root` by relative path, generator bookkeeping files aside.
    static func tree(at root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        let prefix = root.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(prefix.count))
            if path.hasPrefix(".newsroom") { continue }
            result[path] = FileManager.default.contents(atPath: url.path)
        }
        return result
    }
}
