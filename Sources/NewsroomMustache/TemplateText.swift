/// A template's literal text, as the UTF-8 bytes the renderer copies out.
package struct TemplateText: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The text as a string (a copy).
    package var string: String { String(decoding: bytes, as: UTF8.self) }
}
