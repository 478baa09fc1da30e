/// A problem writing the output folder (permissions, full disk, a folder that is not ours).
struct OutputError: Error, CustomStringConvertible, Sendable {
    var description: String
    init(_ description: String) { self.description = description }
}
