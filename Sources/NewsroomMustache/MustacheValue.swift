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

/// What the renderer does with values beyond lookup: transforms and HTML escaping.
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

    /// HTML escaping as swift-mustache does it: `& < > " '`. Runs without special bytes are
    /// copied whole.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, into: &output) }
    }

    /// `escape` for UTF-8 bytes.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs escaping (most text).
            if index + 8 <= bytes.count, !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            guard needsEscape(bytes[index]) else {
                index += 1
                continue
            }
            let replacement: StaticString
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            default: replacement = "&#39;"
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            start = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// `& < > " '`, all below 0x40: one shift of a constant mask per byte instead of five
    /// comparisons (a table in a global array cost a bounds check and an initialisation check).
    /// Whether any of the eight bytes in `word` is one of `& < > " '` (the classic test for a
    /// zero byte, on the word XORed with each of the five repeated; it never misses one).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func holds(_ byte: UInt64) -> UInt64 {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x & highs
        }
        return holds(0x26) | holds(0x3C) | holds(0x3E) | holds(0x22) | holds(0x27) != 0
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        let mask: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
        return byte < 0x40 && mask >> UInt64(byte) & 1 != 0
    }
}

/// HTML escaping as templates do it (`& < > " '`), for text the generator writes into pages itself.
public enum HTMLEscaping {
    /// `text` escaped, appended to `output`.
    public static func append(_ text: String, to output: inout [UInt8]) {
        MustacheValue.escape(text, into: &output)
    }

    public static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        MustacheValue.escape(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The names of the transforms the renderer applies, for load-time template checks.
public enum MustacheTransforms {
    public static let names: Set<String> = [
        "empty", "count", "first", "last", "reversed", "uppercased", "lowercased", "capitalized",
        "plusone", "minusone", "equalzero", "even", "odd",
    ]
}
