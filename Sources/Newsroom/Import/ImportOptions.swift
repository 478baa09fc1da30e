import Foundation

/// The kinds of archive `generate import` reads.
public enum ImportKind: String, CaseIterable, Sendable {
    case jekyll, hugo, wordpress, markdown
}

/// What `generate import` was asked to do.
public struct ImportOptions: Sendable {
    public var kind: ImportKind
    /// The archive: a site's root, its posts folder, or a WordPress export file.
    public var source: SourceFolder
    /// The Newsroom site folder the items are written into.
    public var site: SourceFolder
    /// The old site's address, when the source does not say (or says it wrongly).
    public var baseURL: String?
    /// The old URL pattern, overriding the source's own rule.
    public var permalink: String?
    public var dryRun: Bool
    public var force: Bool
    var fileSystem: FileSystem = .local

    public init(kind: ImportKind, source: SourceFolder, site: SourceFolder, baseURL: String? = nil, permalink: String? = nil, dryRun: Bool = false, force: Bool = false) {
        self.kind = kind
        self.source = source
        self.site = site
        self.baseURL = baseURL
        self.permalink = permalink
        self.dryRun = dryRun
        self.force = force
    }
}
