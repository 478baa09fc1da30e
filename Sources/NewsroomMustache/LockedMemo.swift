import Synchronization

/// Values made on first use and kept, safe from several threads: made outside the lock, so a
/// slow `make` does not hold up readers (two threads may both make a missing value; the
/// values are the same). The renderer keeps parsed templates and pure lambdas'
/// results in it; the generator, the "About" block per folder depth.
package final class LockedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    package init() {}

    package func value(_ key: Key, make: () -> Value) -> Value {
        if let found = values.withLock({ $0[key] }) { return found }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}
