import Foundation

/// A template's literal text, as UTF-8 bytes that live as long as the process, like a string
/// literal: a text node is plain data, so walking a template's nodes retains nothing for it
/// (as a `String`, each text node's storage was retained and released at every render: about
/// a third of the renderer's reference counting).
///
/// The same text is stored once, whichever template or parse it comes from; what is stored is
/// bounded by the themes' texts and the lambda results the template sets keep anyway.
// Unchecked: the bytes are written once, before the value exists, and never freed or changed.
package struct TemplateText: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    private static let interned = LockedMemo<String, TemplateText>()

    init(_ text: String) {
        self = Self.interned.value(text) {
            let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
            _ = memory.initialize(from: text.utf8)
            return TemplateText(bytes: UnsafeBufferPointer(memory))
        }
    }

    /// The text as a string (a copy).
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }
}
