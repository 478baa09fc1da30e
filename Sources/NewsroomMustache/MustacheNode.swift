/// A parsed Mustache template: a tree of nodes.
indirect enum MustacheNode: Sendable {
    case text(String)
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`; `source` is the raw inner text, for lambdas.
    case section(MustacheName, [MustacheNode], inverted: Bool, source: String)
    /// `{{>name}}`; `indentation` is set when the tag stands alone on its line.
    case partial(name: String, dynamic: Bool, indentation: String)
    /// `{{<name}}…{{/name}}` with the blocks it overrides.
    case parent(name: String, dynamic: Bool, indentation: String, overrides: [String: BlockOverride])
    /// `{{$name}}default{{/name}}` where the template is expanded.
    case block(name: String, defaultNodes: [MustacheNode], indentation: String)
}

/// A block body given inside a parent tag: its source with its own indentation removed,
/// parsed again with the indentation of the place it is expanded at.
struct BlockOverride: Sendable {
    var source: String
    var delimiters: MustacheDelimiters
    var nodes: [MustacheNode]
}

/// A variable or section name: dotted path plus swift-mustache style transforms (`empty(tags)`).
struct MustacheName: Sendable, Equatable {
    /// Empty for the implicit iterator `.`.
    var path: [String]
    /// Innermost first: `a(b(x))` is `["b", "a"]`.
    var transforms: [String]
    /// `x` with a leading dot (`.x`) looks only at the top of the context stack.
    var anchored: Bool
    var text: String
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
