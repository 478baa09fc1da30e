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
