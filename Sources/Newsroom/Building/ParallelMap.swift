import Foundation

/// `map` over `0..<count` on all cores, results in order. The machine has two: measured,
/// loading and rendering scale close to 2× with it.
enum ParallelMap {
    static func run<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let results = Slots<T>(count: count)
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.set(index, shared.value(index))
            }
        }
        return results.values.map { $0! }
    }
}

private final class Slots<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.withLock { values[index] = value }
    }
}

private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Work started on another thread now, its result taken later with `wait` (once).
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

    func wait() -> Value {
        done.wait()
        return value!
    }
}

/// What a process about to exit keeps rather than frees (see `GenerateOptions.freesMemoryWhenDone`).
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []
    private static let lock = NSLock()

    static func keep(_ value: Any) {
        lock.withLock { values.append(value) }
    }
}
