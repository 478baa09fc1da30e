import Foundation
import Synchronization
import NewsroomFeeds

/// Counts pages and feeds as they are produced, from any thread.
final class FileCounter: Sendable {
    private let total: Int
    private let progress: (@Sendable (Int, Int) -> Void)?
    private let countsKinds: Bool
    private let counts = Mutex(Counts())

    private struct Counts {
        var pages = 0
        var feeds = 0
        var byKind: [String: Int] = [:]
        var done = 0
    }

    init(total: Int = 0, progress: (@Sendable (Int, Int) -> Void)? = nil, byKind: Bool = false) {
        self.total = total
        self.progress = progress
        self.countsKinds = byKind
    }

    func count(_ path: String) {
        let kind = countsKinds ? PageKind.of(path) : nil
        let report: Int? = counts.withLock {
            if path.hasSuffix(".html") { $0.pages += 1 } else if FeedFormat.allCases.contains(where: { path.hasSuffix("/" + $0.fileName) }) { $0.feeds += 1 }
            if let kind { $0.byKind[kind, default: 0] += 1 }
            $0.done += 1
            return $0.done % 250 == 0 ? $0.done : nil
        }
        if let report, let progress { progress(min(report, total), total) }
    }

    /// Puts the counts in the build's result.
    func report(into result: inout BuildResult) {
        let counts = self.counts.withLock { $0 }
        result.pageCount = counts.pages
        result.feedCount = counts.feeds
        result.pagesByKind = counts.byKind
    }
}

/// The kind of an output file, from its path, for the build summary.
enum PageKind {
    static func of(_ path: String) -> String {
        if path == SitePlan.homeFile { return "home" }
        if path == SitePlan.notFoundFile { return "404" }
        if path.hasSuffix("feed.xml") { return "feeds" }
        if path.hasSuffix(".xml") || path == SitePlan.robotsFile { return "sitemap" }
        guard path.hasSuffix(".html") else { return "files" }
        guard path.hasPrefix("news/") else { return "pages" }
        if path.hasPrefix("news/tags/") { return "tag pages" }
        let bytes = Array(path.utf8)
        let isYear = bytes.count > 10 && bytes[5...8].allSatisfy { (0x30...0x39).contains($0) } && bytes[9] == UInt8(ascii: "/")
        guard isYear else { return "news index" }
        let slashes = bytes.filter { $0 == UInt8(ascii: "/") }.count
        return slashes == 4 && !path.split(separator: "/").contains("page") ? "news items" : "archives"
    }
}
