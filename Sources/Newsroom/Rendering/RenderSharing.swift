import Synchronization

/// What the worker threads of one render share: results by job, and the first failure.
final class SharedRun: Sendable {
    let renderer: SiteRenderer

    private struct State {
        var diagnostics: [[Diagnostic]]
        var error: Error?
        /// The warnings of each page rendered or kept, for the next build (see `BuildRecord`).
        var warnings: [String: [Diagnostic]] = [:]
    }

    private let state: Mutex<State>

    init(renderer: SiteRenderer, count: Int) {
        self.renderer = renderer
        state = Mutex(State(diagnostics: Array(repeating: [], count: count)))
    }

    var diagnostics: [[Diagnostic]] { state.withLock { $0.diagnostics } }
    var error: Error? { state.withLock { $0.error } }
    var warnings: [String: [Diagnostic]] { state.withLock { $0.warnings } }

    func record(_ index: Int, page: String?, diagnostics found: [Diagnostic]) {
        guard !found.isEmpty else { return }
        let pageWarnings = found.filter { $0.severity == .warning }
        state.withLock {
            $0.diagnostics[index] = found
            if let page, !pageWarnings.isEmpty { $0.warnings[page] = pageWarnings }
        }
    }

    func fail(_ failure: Error) {
        state.withLock { if $0.error == nil { $0.error = failure } }
    }
}

/// Files (or their paths) gathered in memory, from several threads.
final class Collected<File: Sendable>: Sendable {
    private let gathered = Mutex<[File]>([])

    var files: [File] { gathered.withLock { $0 } }

    func append(_ file: File) {
        gathered.withLock { $0.append(file) }
    }
}
