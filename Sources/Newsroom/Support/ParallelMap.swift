import Foundation
import Synchronization

/// The one way the build runs work on all cores: `body` over `0..<count`, in any order.
/// The machine has two: measured, loading and rendering scale close to 2× with it.
enum ParallelMap {
    /// `map` over `0..<count` on all cores, results in order.
    static func run<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let results = Slots<T>(count: count)
        forEach(count) { index in results.set(index, body(index)) }
        return results.values
    }

    /// `map` over `0..<count` in a few long runs on all cores, for work too small to be a task
    /// per index: `body` maps a range of indices; results in order.
    static func runs<T>(over count: Int, _ body: (Range<Int>) -> [T]) -> [T] {
        let runs = 8, size = (count + runs - 1) / runs
        guard count > 0 else { return [] }
        return run(runs) { run in body(min(count, run * size)..<min(count, run * size + size)) }.flatMap { $0 }
    }

    /// `body` for each of `0..<count` on all cores; returns when all are done.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { index in shared.value(index) }
        }
    }
}

// Unchecked: each index is written by one thread only, and read after all threads are done.
private final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = Mutex(())

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.withLock { _ in slots[index] = value }
    }

    var values: [T] { slots.map { $0! } }
}

// Unchecked: carries a closure into `concurrentPerform`, which runs it before returning; callers
// give closures that are safe to run on several threads (they read shared values, write their
// own slot or go through a lock).
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Work started on another thread now, its result taken later with `wait` (once).
// Unchecked: `value` is written before `done` is signalled and read only after waiting on it.
final class BackgroundWork<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> Value) {
        let shared = UncheckedBox(work)
        DispatchQueue.global().async {
            self.value = shared.value()
            self.done.signal()
        }
    }

    /// The result, handed over: the work keeps no hold on it.
    func wait() -> Value {
        done.wait()
        defer { value = nil }
        return value!
    }
}

extension BackgroundWork where Value == Void {
    /// Lets go of `value` on another thread: freeing a site's worth of records or pages takes a
    /// while and nothing waits for it (a command that ends first leaves the memory to the system).
    static func release<T>(_ value: consuming T) {
        _ = BackgroundWork { [value] in withExtendedLifetime(value) {} }
    }
}
