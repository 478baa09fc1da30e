import Foundation

/// What the worker threads of one render share: results by job, and the first failure.
final class SharedRun: @unchecked Sendable {
    let renderer: SiteRenderer
    private(set) var diagnostics: [[Diagnostic]]
    private(set) var error: Error?
    private let lock = NSLock()

    init(renderer: SiteRenderer, count: Int) {
        self.renderer = renderer
        self.diagnostics = Array(repeating: [], count: count)
    }

    /// The warnings of each page rendered or kept, for the next build (see `BuildRecord`).
    private(set) var warnings: [String: [Diagnostic]] = [:]

    func record(_ index: Int, page: String?, diagnostics found: [Diagnostic]) {
        guard !found.isEmpty else { return }
        let pageWarnings = found.filter { $0.severity == .warning }
        lock.withLock {
            diagnostics[index] = found
            if let page, !pageWarnings.isEmpty { warnings[page] = pageWarnings }
        }
    }

    func fail(_ failure: Error) {
        lock.withLock { if error == nil { error = failure } }
    }
}

/// Files gathered in memory.
final class Collected: @unchecked Sendable {
    private(set) var files: [OutputFile] = []
    private let lock = NSLock()

    func append(_ file: OutputFile) {
        lock.withLock { files.append(file) }
    }
}

/// Values made on first use and shared by every page that needs them (the "About" boilerplate
/// per folder depth, an item's date or card keys per item); safe from several threads.
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    func value(_ key: Key, make: () -> Value) -> Value {
        if let made = lock.withLock({ values[key] }) { return made }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
