import Foundation

/// The site as `serve` holds it between rebuilds: the site as last loaded and the state the
/// last build left (the output's manifest, every item as loaded, the pages' keys) stay in
/// memory, so a rebuild after an item edit reads that one file, not the whole site and the
/// state in the output folder; and the output folder is watched, so a rebuild looks on disk only
/// at the kept files reported changed. Rebuilds run one at a time.
// Unchecked: `memory`, `outputWatch` and `foundChanged` are only touched with `lock` held.
public final class LiveSite: @unchecked Sendable {
    public let options: GenerateOptions
    /// The time each rebuild publishes at (unless `--now` fixes it): scheduled items go live and
    /// expired ones come down while `serve` runs, as they would in the cron job's next build.
    private let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var memory = LiveMemory()
    /// What changed in the output folder: a kept file is looked at on disk only when reported.
    private var outputWatch: OutputWatch?
    /// The files found changed on disk when the watch began, for the next build.
    private var foundChanged: Set<String> = []

    public init(options: GenerateOptions, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.options = options
        self.clock = clock
    }

    /// Builds into the output folder from what changed since the last rebuild.
    ///
    /// - Parameters:
    ///   - changed: every path (absolute) written, made or removed below the site and themes
    ///     folders since the last rebuild began, as `ChangeWatcher` reports them; only item
    ///     files among them are read again when that is all there is. Nil when not known: the
    ///     whole site is read.
    ///   - openPages: the pages open in a browser (paths in the output folder): when many pages
    ///     render again, these are put in place first (see `FirstPages`).
    ///   - committed: called with the result once the output is in place, before the state the
    ///     next build starts from is saved in the output folder (the output stays locked until
    ///     it is), so the pages can reload without waiting for it. When the open pages were put
    ///     in place first, called then too, with the pages still to follow in `pagesToFollow`.
    /// - Returns: the result, with the saving of the state as its last stage, or its failure.
    public func rebuild(changed: Set<String>? = nil, openPages: Set<String> = [], committed: (BuildResult) -> Void = { _ in }) -> BuildResult {
        lock.withLock {
            let items = changed.flatMap { memory.site?.changedItems(among: $0, fileSystem: options.fileSystem) }
            memory.outputChanges = outputWatch?.changes().map { $0.union(foundChanged) }
            foundChanged = []
            // A watch that cannot tell is started again after this build, which looks at every
            // kept file.
            if memory.outputChanges == nil { outputWatch = nil }
            var atNow = options
            atNow.now = clock()
            var result = withoutActuallyEscaping(committed) { committed in
                let first = openPages.isEmpty ? nil : FirstPages(paths: openPages, committed: committed)
                return Generator.build(atNow, engine: .builtIn, live: &memory, changedItems: items, serving: true, first: first)
            }
            committed(result)
            memory.laterWrites.run()
            defer {
                memory.replaced = (nil, nil)
                if outputWatch == nil { watchOutput() }
            }
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

    /// Starts watching the output folder once a build left a state in memory, then checks that
    /// state's files on disk: a change before the watch began is found here, any after it is
    /// reported. Done after the pages were told to reload, so no rebuild waits for it.
    private func watchOutput() {
        guard let state = memory.state, let watch = OutputWatch(folder: options.output) else { return }
        let folder = options.output.standardizedFileURL.resolvingSymlinksInPath().path
        foundChanged = state.manifest.filesNotOnDisk(inFolder: folder, fileSystem: options.fileSystem)
        outputWatch = watch
    }
}
