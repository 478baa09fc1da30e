import Foundation

/// The site as `serve` holds it between rebuilds: the site as last loaded and the state the
/// last build left (the output's manifest, every item as loaded, the pages' keys) stay in
/// memory, so a rebuild after an item edit reads that one file, not the whole site and the
/// state in the output folder. Rebuilds run one at a time.
// Unchecked: `state` and `site` are only touched with `lock` held.
public final class LiveSite: @unchecked Sendable {
    public let options: GenerateOptions
    private let lock = NSLock()
    private var state: IncrementalState?
    private var site: LoadedSite?

    public init(options: GenerateOptions) {
        self.options = options
    }

    /// Builds into the output folder from what changed since the last rebuild.
    ///
    /// - Parameter changed: every path (absolute) written, made or removed below the site and
    ///   themes folders since the last rebuild began, as `ChangeWatcher` reports them; only item
    ///   files among them are read again when that is all there is. Nil when not known: the
    ///   whole site is read.
    public func rebuild(changed: Set<String>? = nil) -> BuildResult {
        lock.withLock {
            let items = changed.flatMap { site?.changedItems(among: $0, fileSystem: options.fileSystem) }
            return Generator.build(options, engine: .builtIn, memory: &state, site: &site, changedItems: items)
        }
    }
}
