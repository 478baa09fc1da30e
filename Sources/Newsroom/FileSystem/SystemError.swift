import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: its error number, described as the system describes it
/// ("No space left on device"), so messages read the same as the shell's.
struct SystemError: Error, CustomStringConvertible, Sendable, Equatable {
    var code: Int32
    /// Set instead of `code`'s text for failures that are not one system call's.
    private var text: String?

    init(code: Int32) {
        self.code = code
    }

    private init(_ text: String) {
        self.code = 0
        self.text = text
    }

    /// The error of the system call that just failed.
    static var last: SystemError { SystemError(code: errno) }

    /// A file where a folder was to be made.
    static let fileInTheWay = SystemError("a file is in the way")

    var description: String { text ?? String(cString: strerror(code)) }

    var isMissing: Bool { code == ENOENT }
    var isAlreadyThere: Bool { code == EEXIST }
    var isFolder: Bool { code == EISDIR }
    /// The file system or the system cannot swap two files in one step.
    var cannotExchange: Bool { code == EINVAL || code == ENOSYS || code == ENOTSUP }
    /// The file system keeps no such flag.
    var isUnsupported: Bool { code == ENOTTY || code == EOPNOTSUPP || code == EINVAL }
}
