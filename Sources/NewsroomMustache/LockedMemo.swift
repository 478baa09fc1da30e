import Foundation

/// Values made on first use and kept, safe from several threads: made outside the lock, so a
/// slow `make` does not hold up readers (two threads may both make a missing value; the
/// values are the same). The renderer keeps parsed templates, template text and pure lambdas'
/// results in it; the generator, the "About" block per folder depth.
public final class LockedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    public init() {}

    public func value(_ key: Key, make: () -> Value) -> Value {
        if let found = lock.withLock({ values[key] }) { return found }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
