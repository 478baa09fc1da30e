import Foundation
import NewsroomMustache

/// A regular expression compiled once per process and shared: an import runs the same few
/// dozen patterns over every body, and compiling one costs more than running it.
struct CompiledPattern: @unchecked Sendable {
    // Why unchecked: NSRegularExpression is immutable once made and documented as safe to use
    // from several threads; Swift's Foundation does not mark it Sendable.
    let regex: NSRegularExpression

    private static let compiled = LockedMemo<String, CompiledPattern>()

    /// The compiled form of `pattern` (a pattern written in this folder, so it always compiles).
    static func regex(_ pattern: String) -> NSRegularExpression {
        compiled.value(pattern) { CompiledPattern(regex: try! NSRegularExpression(pattern: pattern)) }.regex
    }
}
