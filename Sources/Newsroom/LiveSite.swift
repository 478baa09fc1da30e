import Foundation

/// The site as `serve` holds it between rebuilds: the state the last build left (the output's
/// manifest, every item as loaded, the pages' keys) stays in memory, so a rebuild after one
/// edit does not read and decode it from the output folder again. Rebuilds run one at a time.
// Unchecked: `state` is only touched with `lock` held.
public final class LiveSite: @unchecked Sendable {
    public let options: GenerateOptions
    private let lock = NSLock()
    private var state: IncrementalState?

    public init(options: GenerateOptions) {
        self.options = options
    }

    /// Builds into the output folder from what changed since the last rebuild.
    public func rebuild() -> BuildResult {
        lock.withLock {
            Generator.build(options, engine: .builtIn, memory: &state)
        }
    }
}
