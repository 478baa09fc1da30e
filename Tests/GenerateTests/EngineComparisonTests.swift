import Foundation
import Mustache
import NewsroomMustache
import Testing
@testable import Newsroom
import NewsroomText

/// Our Mustache renderer must give byte-identical pages to swift-mustache 2.1.1 (the engine
/// it replaced) on the sample site and the fixture sites.
@Suite struct EngineComparisonTests {
    static var swiftMustache: TemplateSet.Engine { .custom { sources in
        var library = MustacheLibrary()
        for (name, source) in sources {
            if let template = try? MustacheTemplate(string: source) { library.register(template, named: name) }
        }
        let frozen = library
        return { object, layout, links in
            var context = object.foundationValue(links: links)
            context["icon"] = MustacheLambda { (name: String) -> Any? in IconSprite.use(String(name.trimming(" \t\n"))) }
            return Array((frozen.render(context, withTemplate: layout) ?? "").utf8)
        }
    } }

    static func build(site: URL, themes: URL, engine: TemplateSet.Engine) throws -> [String: Data] {
        let output = ScratchOutput.make("engine")
        defer { ScratchOutput.remove(output) }
        var options = GenerateOptions(site: SourceFolder(url: site, displayName: "site"), themes: SourceFolder(url: themes, displayName: "themes"), output: output, now: Date())
        options.nowText = "2026-11-29T12:00:00Z"
        let result = Generator.build(options, engine: engine)
        #expect(result.succeeded, "\(result.diagnostics)")
        return Fixtures.tree(at: output)
    }

    static func compare(site: URL, themes: URL) throws {
        let ours = try build(site: site, themes: themes, engine: .builtIn)
        let theirs = try build(site: site, themes: themes, engine: swiftMustache)
        #expect(ours.count > 10)
        #expect(ours.keys.sorted() == theirs.keys.sorted())
        for (path, data) in ours.sorted(by: { $0.key < $1.key }) where data != theirs[path] {
            Issue.record("\(path) differs between the engines")
        }
    }

    @Test func sampleSiteIsByteIdentical() throws {
        try Self.compare(site: Fixtures.repository.appendingPathComponent("site"), themes: Fixtures.repository.appendingPathComponent("themes"))
    }

    @Test func newsFixtureIsByteIdentical() throws {
        try Self.compare(site: Fixtures.url("news-site/site"), themes: Fixtures.url("themes"))
    }

    @Test func basicFixtureWithTheDefaultThemeIsByteIdentical() throws {
        let work = try TestSite("", theme: false)
        defer { work.delete() }
        try FileManager.default.copyItem(at: Fixtures.url("basic/site"), to: work.site)
        let config = work.site.appendingPathComponent("site.yml")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "theme: minimal", with: "theme: default").write(to: config, atomically: true, encoding: .utf8)
        try Self.compare(site: work.site, themes: Fixtures.repository.appendingPathComponent("themes"))
    }
}

extension EngineComparisonTests {
    /// 150 items of a generated corpus (`TestCorpus`), built both ways.
    @Test func generatedCorpusIsByteIdentical() throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("newsroom-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: corpus) }
        try TestCorpus.write(items: 150, to: corpus.appendingPathComponent("ours"))
        try Self.compare(site: corpus.appendingPathComponent("ours"), themes: Fixtures.repository.appendingPathComponent("themes"))
    }
}
