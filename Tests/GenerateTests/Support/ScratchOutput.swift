import Foundation

/// An output folder for a test build outside a `TestSite`, alone in a fresh temporary folder:
/// a build keeps its caches beside its output (`.newsroom-cache`), so removing the output alone
/// would leave them behind in the system's temporary folder.
enum ScratchOutput {
    /// `<temporary folder>/newsroom-<name>-<UUID>/output`, not made yet.
    static func make(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("newsroom-\(name)-\(UUID().uuidString)")
            .appendingPathComponent("output")
    }

    /// Removes the output made by `make` together with everything kept beside it.
    static func remove(_ output: URL) {
        try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
    }
}
