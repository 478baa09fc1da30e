import NewsroomMarkdown
import NewsroomMustache

/// The ids in each item's and page's rendered body, for checking `#fragment` links into it.
///
/// Bodies render in parallel and in any order, and a rebuild skips unchanged pages, so a
/// target's ids cannot come from its own render. They come from the target's one parse in the
/// `BodyStore` (a body reused from the previous build is parsed when a link first asks). A
/// page's render key includes the content hash of every page it links to with a fragment
/// (`contentHashes(of:)`), so a renamed heading there renders the linking page again and a
/// rebuild reports what a clean build reports.
struct AnchorBook: Sendable {
    private enum Target: Sendable {
        case item(Int)
        case page(Int)
    }

    private let items: [NewsItem]
    private let pages: [Page]
    /// Output page → the item or page whose body it shows.
    private let targets: [String: Target]
    private let bodies: BodyStore
    private let memo = LockedMemo<String, Set<String>>()

    init(plan: SitePlan, bodies: BodyStore) {
        items = plan.items
        pages = plan.pages
        var targets: [String: Target] = [:]
        for (position, file) in plan.itemFiles.enumerated() { targets[file] = .item(position) }
        for (position, file) in plan.pageFiles.enumerated() { targets[file] = .page(position) }
        self.targets = targets
        self.bodies = bodies
    }

    /// The book of `plan`, whose pages are at the files `other`'s plan had them at (a body edit
    /// moves none), with the bodies of `bodies`.
    init(plan: SitePlan, bodies: BodyStore, filesAs other: AnchorBook) {
        items = plan.items
        pages = plan.pages
        targets = other.targets
        self.bodies = bodies
    }

    /// The source file shown by the page at `file` (site-relative), if it has a Markdown body.
    func sourcePath(of file: String) -> String? {
        switch targets[file] {
        case .item(let position): return items[position].sourcePath
        case .page(let position): return pages[position].sourcePath
        case nil: return nil
        }
    }

    /// The ids in the body shown at `file`; nil when `file` shows no content body.
    func ids(of file: String) -> Set<String>? {
        guard let target = targets[file] else { return nil }
        let anchors: [String]?
        switch target {
        case .item(let position): anchors = bodies.anchors(items[position].sourcePath, contentHash: items[position].contentHash)
        case .page(let position): anchors = bodies.anchors(pages[position].sourcePath, contentHash: pages[position].contentHash)
        }
        guard let anchors else { return nil }
        return memo.value(file) { Set(anchors) }
    }

    /// The content hash of each page among `files` that shows a body, in order (for render keys).
    func contentHashes(of files: [String]) -> [UInt64] {
        files.compactMap { file in
            switch targets[file] {
            case .item(let position): return items[position].contentHash
            case .page(let position): return pages[position].contentHash
            case nil: return nil
            }
        }
    }
}
