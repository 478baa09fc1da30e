import Synchronization

/// The item bodies as last rendered for their pages, which `serve` keeps between rebuilds: a
/// page that renders again for another reason than its body (a theme edit) takes its body from
/// here instead of parsing and writing its Markdown again. Each is kept under the key of all it
/// is made from (see `RenderKeys.body`), with the warnings its render gave; a render with errors
/// is not kept.
final class RenderedBodies: Sendable {
    /// How many bytes of HTML are kept: the bodies of about 15,000 typical items. Past it a body
    /// is rendered again when its page is, as without this store.
    static let bytesInMemory = 128 << 20

    private struct Entry: Sendable {
        var key: UInt64
        var body: RenderedBody
        var warnings: [Diagnostic]
    }

    private let state = Mutex<(entries: [String: Entry], bytes: Int)>(([:], 0))
    private let limit: Int

    init(bytesInMemory: Int = RenderedBodies.bytesInMemory) {
        limit = bytesInMemory
    }

    /// The body kept for the page at `file` when it was rendered from what `key` stands for,
    /// with its warnings.
    func body(for file: String, key: UInt64) -> (body: RenderedBody, warnings: [Diagnostic])? {
        state.withLock { state in
            state.entries[file].flatMap { $0.key == key ? ($0.body, $0.warnings) : nil }
        }
    }

    /// Keeps `body`, rendered for the page at `file` from what `key` stands for, in place of
    /// the one kept for that page, while the bytes allow.
    func keep(_ body: RenderedBody, warnings: [Diagnostic], for file: String, key: UInt64) {
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: file) { state.bytes -= old.body.htmlBytes.count }
            guard state.bytes + body.htmlBytes.count <= limit else { return }
            state.entries[file] = Entry(key: key, body: body, warnings: warnings)
            state.bytes += body.htmlBytes.count
        }
    }
}
