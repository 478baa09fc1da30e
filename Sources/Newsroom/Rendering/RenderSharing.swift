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

/// The "About" boilerplate as HTML for each folder depth, made on first use.
final class AboutCache: @unchecked Sendable {
    private var byDepth: [Int: String] = [:]
    private let lock = NSLock()

    func html(depth: Int, make: () -> String) -> String {
        if let known = lock.withLock({ byDepth[depth] }) { return known }
        let html = make()
        lock.withLock { byDepth[depth] = html }
        return html
    }
}

/// Per-item values made once and shared by every page that shows the item; safe from
/// several threads.
final class PerItemValues: @unchecked Sendable {
    private var values: [[String: Any]?] = []
    private let lock = NSLock()

    func value(_ position: Int, count: Int, make: () -> [String: Any]) -> [String: Any] {
        if let made = lock.withLock({ values.isEmpty ? nil : values[position] }) { return made }
        let made = make()
        lock.withLock {
            if values.isEmpty { values = Array(repeating: nil, count: count) }
            values[position] = made
        }
        return made
    }
}
