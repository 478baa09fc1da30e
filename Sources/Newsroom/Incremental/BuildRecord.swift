import Foundation

/// The warnings of the last successful build, kept in its `IncrementalState`. A page kept as it
/// is reports its warnings again; a build whose inputs all match the digest reuses the whole
/// output and reports them all, so a rebuild is as loud as the build that made the pages.
struct BuildRecord: Sendable, Equatable {
    /// Warnings found while rendering each page, by output path.
    var warningsByPage: [String: [Diagnostic]] = [:]
    /// Warnings found after loading and before rendering (theme checks, planning).
    var buildWarnings: [Diagnostic] = []

    /// Every warning it holds, for a build that reuses the whole output.
    var allWarnings: [Diagnostic] {
        buildWarnings + warningsByPage.keys.sorted().flatMap { warningsByPage[$0]! }
    }
}
