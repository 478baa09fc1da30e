/// A problem writing the output folder (permissions, full disk, a folder that is not ours).
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
