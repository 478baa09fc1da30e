import Foundation

/// The running `generate`: a new build of it must change every key and cache it left behind.
enum GeneratorIdentity {
    static let path: String = {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }()

    /// The binary's status, taken once per run; nil where it cannot be found.
    static let status: FileStatus? = FileStatus.of(path)
}
