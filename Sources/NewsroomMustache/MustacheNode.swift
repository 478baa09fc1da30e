import Foundation
import Synchronization

/// A parsed Mustache template: a tree of nodes. The renderer walks it, and so does the theme
/// checker, which reports each tag at its `place`.
package indirect enum MustacheNode: Sendable {
    case text(TemplateText)
    case variable(MustacheName, escaped: Bool, place: MustachePlace)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`; `source` is the raw inner text, for lambdas.
    case section(MustacheName, [MustacheNode], inverted: Bool, source: String, place: MustachePlace)
    /// `{{>name}}`; `indentation` is set when the tag stands alone on its line. `slot` keeps the
    /// partial as compiled for this place (indented), found on first use.
    case partial(name: String, dynamic: Bool, indentation: String, slot: TemplateSlot, place: MustachePlace)
    /// `{{<name}}…{{/name}}` with the blocks it overrides: `overrides` for rendering (each
    /// re-parsed without its own indentation), `blocks` as written (`.block` nodes, in order, at
    /// their places in this template) for reading.
    case parent(name: String, dynamic: Bool, indentation: String, overrides: [String: BlockOverride], blocks: [MustacheNode], place: MustachePlace)
    /// `{{$name}}default{{/name}}` where the template is expanded.
    case block(name: String, defaultNodes: [MustacheNode], indentation: String)
}

/// Where a tag's opening delimiter stands in its template: 1-based line and column, the column
/// counted in characters (as an editor shows it).
package struct MustachePlace: Sendable, Equatable {
    package var line: Int
    package var column: Int
}

/// The template a partial tag expands to, found once: a partial tag inside an indented partial
/// or inside a card list is met many times per page, and looking it up by name and indentation
/// each time cost more than rendering it.
package final class TemplateSlot: Sendable {
    private let program = AtomicLazyReference<MustacheProgram>()
    /// `program` once found, unretained (`program` holds it while the slot lives): read with
    /// no retain, which is a write to the program's count that the other render thread's next
    /// read then has to fetch back from this core.
    private let found = Atomic<UInt>(0)
    /// What calls of this partial rendered (see `PartialMemo`).
    let memo = PartialMemo()

    init() {}

    /// `body` with the partial's program (nil when `make` finds none): read without a lock or
    /// a retain once found (both render threads meet the same slots on every page).
    func withProgram<Result>(orMake make: () -> MustacheProgram?, _ body: (MustacheProgram) -> Result) -> Result? {
        if let address = UnsafeRawPointer(bitPattern: found.load(ordering: .acquiring)) {
            return Unmanaged<MustacheProgram>.fromOpaque(address)._withUnsafeGuaranteedRef(body)
        }
        guard let made = make() else { return nil }
        let kept = program.storeIfNil(made)
        found.store(UInt(bitPattern: Unmanaged.passUnretained(kept).toOpaque()), ordering: .releasing)
        return body(kept)
    }
}

/// A block body given inside a parent tag: its source with its own indentation removed,
/// parsed again with the indentation of the place it is expanded at.
package struct BlockOverride: Sendable {
    var source: String
    var delimiters: MustacheDelimiters
    var program: MustacheProgram
}

/// A variable or section name: dotted path plus swift-mustache style transforms (`empty(tags)`).
///
/// A class: a tag's name is read at every render of the tag, and as a struct each read retained
/// its four arrays and strings.
package final class MustacheName: Sendable, Equatable {
    /// Empty for the implicit iterator `.`.
    package let path: [String]
    /// `path` interned, for lookups.
    let keys: [TemplateKey]
    /// Innermost first: `a(b(x))` is `["b", "a"]`.
    package let transforms: [String]
    /// `x` with a leading dot (`.x`) looks only at the top of the context stack.
    let anchored: Bool
    /// The tag's content as written, trimmed.
    package let text: String

    init(path: [String], keys: [TemplateKey], transforms: [String], anchored: Bool, text: String) {
        self.path = path
        self.keys = keys
        self.transforms = transforms
        self.anchored = anchored
        self.text = text
    }

    package static func == (lhs: MustacheName, rhs: MustacheName) -> Bool {
        lhs.path == rhs.path && lhs.transforms == rhs.transforms && lhs.anchored == rhs.anchored && lhs.text == rhs.text
    }
}

struct MustacheDelimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]
    static let standard = MustacheDelimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}

/// A template that would not parse, with its place (1-based line and column).
public struct MustacheSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var template: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(template):\(line):\(column): \(message)" }
}
