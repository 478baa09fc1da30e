import Foundation

/// A section lambda: `{{#name}}text{{/name}}` calls it with `text`; what it returns is rendered
/// as a template in the current context, unescaped (swift-mustache's behaviour).
public struct MustacheSectionLambda: Sendable {
    let body: @Sendable (String) -> String
    /// For a lambda whose result depends only on its text: each result, and whether it may
    /// hold a tag, kept.
    private let memo: LockedMemo<String, (text: String, mayHoldTag: Bool)>?

    /// - Parameter pure: the result depends only on the text given (then it is computed once per
    ///   text, like the theme's `{{#icon}}name{{/icon}}`, met several times on every page).
    public init(pure: Bool = false, _ body: @escaping @Sendable (String) -> String) {
        self.body = body
        self.memo = pure ? LockedMemo() : nil
    }

    /// The same for copies of one pure lambda, nil for one that is not pure.
    var memoIdentity: ObjectIdentifier? { memo.map(ObjectIdentifier.init) }

    /// The result for `text`, and whether it may hold a tag (see `MustacheRenderer.mayHoldTag`).
    func result(_ text: String) -> (text: String, mayHoldTag: Bool) {
        let make = { () -> (text: String, mayHoldTag: Bool) in
            let result = body(text)
            return (result, MustacheRenderer.mayHoldTag(result))
        }
        return memo?.value(text, make: make) ?? make()
    }
}

/// What the renderer does with values beyond lookup: transforms.
enum MustacheValue {
    /// swift-mustache's transforms, for the ones our templates may use.
    static func transform(_ name: String, _ value: TemplateValue) -> TemplateValue? {
        if case .bytes = value { return transform(name, .text(value.text)) }
        switch (name, value) {
        case ("empty", .list(let array)): return .bool(array.isEmpty)
        case ("empty", .text(let string)): return .bool(string.isEmpty)
        case ("count", .list(let array)): return .number(array.count)
        case ("count", .text(let string)): return .number(string.count)
        case ("first", .list(let array)): return array.first
        case ("last", .list(let array)): return array.last
        case ("reversed", .list(let array)): return .list(array.reversed())
        case ("reversed", .text(let string)): return .text(String(string.reversed()))
        case ("uppercased", .text(let string)): return .text(string.uppercased())
        case ("lowercased", .text(let string)): return .text(string.lowercased())
        case ("capitalized", .text(let string)): return .text(string.capitalized)
        case ("plusone", .number(let int)): return .number(int + 1)
        case ("minusone", .number(let int)): return .number(int - 1)
        case ("equalzero", .number(let int)): return .bool(int == 0)
        case ("even", .number(let int)): return .bool(int % 2 == 0)
        case ("odd", .number(let int)): return .bool(int % 2 != 0)
        default: return nil
        }
    }
}

/// The names of the transforms the renderer applies, for load-time template checks.
public enum MustacheTransforms {
    public static let names: Set<String> = [
        "empty", "count", "first", "last", "reversed", "uppercased", "lowercased", "capitalized",
        "plusone", "minusone", "equalzero", "even", "odd",
    ]
}
