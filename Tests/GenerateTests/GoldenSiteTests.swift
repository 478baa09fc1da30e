import Foundation
import Testing
@testable import Newsroom

/// The fixture site built with a pinned clock must match `Fixtures/basic/expected` file for file.
/// Re-record after an intended change with `NEWSROOM_RECORD=1 swift test --filter GoldenSiteTests`.
@Suite struct GoldenSiteTests {
    @Test func basicSiteMatchesGoldenTree() throws {
        let work = try TestSite("")
        defer { work.delete() }
        try FileManager.default.copyItem(at: Fixtures.url("basic/site"), to: work.site)
        let result = work.build(now: "2026-11-29T12:00:00Z")
        #expect(result.succeeded, "\(result.diagnostics)")
        let actual = work.outputTree()
        let expectedFolder = Fixtures.url("basic/expected")
        if ProcessInfo.processInfo.environment["NEWSROOM_RECORD"] != nil {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = Fixtures.tree(at: expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            let got = actual[path].map { String(decoding: $0, as: UTF8.self) } ?? "<missing>"
            #expect(got == String(decoding: data, as: UTF8.self), "\(path) differs from the golden file")
        }
    }
}
