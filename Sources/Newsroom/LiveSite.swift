import Foundation

/// The site as `serve` holds it between rebuilds: the site as last loaded and the state the
/// last build left (the output's manifest, every item as loaded, the pages' keys) stay in
/// memory, so a rebuild after an item edit reads that one file, not the whole site and the
/// state in the output folder; and the output folder is watched, so a rebuild looks on disk only
/// at the kept files reported changed. Rebuilds run one at a time.
// Unchecked: `memory` and `outputWatch` are only touched with `lock` held.
public final class LiveSite: @unchecked Sendable {
    public let options: GenerateOptions
    private let lock = NSLock()
    private var memory = LiveMemory()
    /// What changed in the output folder: a kept file is looked at on disk only when reported.
    private var outputWatch: OutputWatch?

    public init(options: GenerateOptions) {
        self.options = options
    }

    /// Builds into the output folder from what changed since the last rebuild.
    ///
    /// - Parameters:
    ///   - changed: every path (absolute) written, made or removed below the site and themes
    ///     folders since the last rebuild began, as `ChangeWatcher` reports them; only item
    ///     files among them are read again when that is all there is. Nil when not known: the
    ///     whole site is read.
    ///   - committed: called with the result once the output is in place, before the state the
    ///     next build starts from is saved in the output folder (the output stays locked until
    ///     it is), so the pages can reload without waiting for it.
    /// - Returns: the result, with the saving of the state as its last stage, or its failure.
    public func rebuild(changed: Set<String>? = nil, committed: (BuildResult) -> Void = { _ in }) -> BuildResult {
        lock.withLock {
            let items = changed.flatMap { memory.site?.changedItems(among: $0, fileSystem: options.fileSystem) }
            memory.outputChanges = outputWatch?.changes()
            if memory.outputChanges == nil {
                // Watched from now on: this build looks at every kept file, the next ones only
                // at those reported.
                outputWatch = OutputWatch(folder: options.output)
            }
            var result = Generator.build(options, engine: .builtIn, live: &memory, changedItems: items, serving: true)
            committed(result)
            defer { memory.replaced = (nil, nil, nil) }
            guard memory.unsaved != nil else { return result }
            let started = Date()
            do {
                try memory.saveState()
            } catch {
                result.outputError = "\(error)"
            }
            result.stageTimes.append(("state", Date().timeIntervalSince(started)))
            return result
        }
    }
}
