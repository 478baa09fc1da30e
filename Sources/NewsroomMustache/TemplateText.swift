/// A template's literal text, as the UTF-8 bytes the renderer copies out.
struct TemplateText: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }
}
