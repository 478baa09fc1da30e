/// Why a publish stopped; its text is the whole message the operator reads.
public struct PublishError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
