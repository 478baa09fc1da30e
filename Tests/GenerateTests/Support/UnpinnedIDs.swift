@testable import Newsroom

extension BuildResult {
    /// The diagnostics apart from the one warning that lists items without a pinned `id`:
    /// tests about other matters write items without ids (`ItemIDTests` covers that warning).
    var otherDiagnostics: [Diagnostic] {
        diagnostics.filter { !ItemIDs.isUnpinnedWarning($0) }
    }
}
