import Foundation

/// What `generate publish` is asked to do.
public struct PublishOptions: Sendable {
    /// The output folder as the last `generate` left it.
    public var output: URL
    /// The site folder, for `site.yml`'s `base_url` and `websub.hub`.
    public var site: SourceFolder
    public var destination: PublishDestination
    /// More deletions than this is an error, and nothing is transferred.
    public var maxDeletes = 256
    /// Plans and reports without transferring, pinging or recording anything.
    public var dryRun = false
    /// Overrides `site.yml`'s `base_url` for the feed URLs sent to the hub.
    public var baseURL: String?
    /// The environment the tools run with (their `PATH`, rclone's `RCLONE_CONFIG_…`).
    public var environment = ProcessInfo.processInfo.environment
    /// Each line the tools print, as they finish a step (their itemised changes).
    public var toolOutput: (@Sendable (String) -> Void)?
    var fileSystem = FileSystem.local

    public init(output: URL, site: SourceFolder, destination: PublishDestination) {
        self.output = output
        self.site = site
        self.destination = destination
    }
}

/// What a publish did (or with `dryRun`, would do).
public struct PublishResult: Sendable {
    /// Paths uploaded, in the order they were: pages and assets, then feeds and sitemaps.
    public var uploaded: [String] = []
    /// How many of `uploaded` were feeds or sitemaps.
    public var feedsAndSitemaps = 0
    public var deleted: [String] = []
    /// Feed URLs the hub accepted a ping for.
    public var pinged: [String] = []
    /// Problems that did not fail the publish (a hub that refused a ping).
    public var warnings: [String] = []
}
