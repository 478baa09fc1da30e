import Foundation
import Synchronization
import NewsroomFeeds

/// Counts pages and feeds as they are produced, from any thread.
final class FileCounter: Sendable {
    private let total: Int
    private let progress: (@Sendable (Int, Int) -> Void)?
    private let countsKinds: Bool
    private let counts = Mutex(Counts())

    struct Counts: Sendable {
        var pages = 0
        var feeds = 0
        var byKind: [String: Int] = [:]
        var done = 0

        /// The counts a build's result reports.
        init(of result: BuildResult) {
            pages = result.pageCount
            feeds = result.feedCount
            byKind = result.pagesByKind
        }

        init() {}

        func report(into result: inout BuildResult) {
            result.pageCount = pages
            result.feedCount = feeds
            result.pagesByKind = byKind
        }
    }

    /// `/feed.xml`, `/atom.xml` …: how a feed's path ends.
    private static let feedNames = FeedFormat.allCases.map { "/" + $0.fileName }

    init(total: Int = 0, progress: (@Sendable (Int, Int) -> Void)? = nil, byKind: Bool = false) {
        self.total = total
        self.progress = progress
        self.countsKinds = byKind
    }

    func count(_ path: String) {
        let kind = countsKinds ? PageKind.of(path) : nil
        let report: Int? = counts.withLock {
            if path.utf8.ends(with: ".html") { $0.pages += 1 } else if Self.feedNames.contains(where: { path.utf8.ends(with: $0) }) { $0.feeds += 1 }
            if let kind { $0.byKind[kind, default: 0] += 1 }
            $0.done += 1
            return $0.done % 250 == 0 ? $0.done : nil
        }
        if let report, let progress { progress(min(report, total), total) }
    }

    /// Puts the counts in the build's result.
    func report(into result: inout BuildResult) {
        counts.withLock { $0 }.report(into: &result)
    }
}

/// The kind of an output file, from its path, for the build summary.
///
/// Read from the path's bytes: every file of a build is counted, and `String`'s own prefix and
/// suffix tests compare characters, which the generator's ASCII paths do not need.
enum PageKind {
    static func of(_ path: String) -> String {
        let bytes = path.utf8
        if path == SitePlan.homeFile { return "home" }
        if path == SitePlan.notFoundFile { return "404" }
        if bytes.ends(with: "feed.xml") { return "feeds" }
        if bytes.ends(with: ".xml") || path == SitePlan.robotsFile { return "sitemap" }
        guard bytes.ends(with: ".html") else { return "files" }
        guard bytes.starts(with: "news/".utf8) else { return "pages" }
        if bytes.starts(with: "news/tags/".utf8) { return "tag pages" }
        // `news/2023/…`: an item or an archive; anything else under `news/` is the news index.
        let digits = bytes.dropFirst(5).prefix(4)
        guard bytes.count > 10, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              bytes.dropFirst(9).first == UInt8(ascii: "/") else { return "news index" }
        let slashes = bytes.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        let isPaged = { bytes.split(separator: UInt8(ascii: "/")).contains { $0.elementsEqual("page".utf8) } }
        return slashes == 4 && !isPaged() ? "news items" : "archives"
    }
}

extension String.UTF8View {
    /// Whether the bytes end with `suffix`'s.
    func ends(with suffix: String) -> Bool {
        let tail = suffix.utf8
        return count >= tail.count && self.suffix(tail.count).elementsEqual(tail)
    }
}
