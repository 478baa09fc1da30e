import Foundation

/// One file the build produces, under the output root.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case data(Data)
        case copy(URL)
    }

    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, content: .data(Data(text.utf8)))
    }
}
