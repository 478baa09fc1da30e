import Foundation

/// A section lambda: `{{#name}}text{{/name}}` calls it with `text`; what it returns is rendered
/// as a template in the current context, unescaped (swift-mustache's behaviour).
public struct MustacheSectionLambda: Sendable {
    let body: @Sendable (String) -> String

    public init(_ body: @escaping @Sendable (String) -> String) {
        self.body = body
    }
}

/// How context values behave: truthiness, text, child lookup and transforms.
enum MustacheValue {
    /// False for nil, `NSNull`, `false` and empty lists; everything else is truthy (also "" and 0).
    /// The common view-model types are tested first: a miss on `is NSNull` bridges a Swift
    /// dictionary to Foundation, which costs more than the rest of the lookup.
    static func isTruthy(_ value: Any?) -> Bool {
        guard let value else { return false }
        if value is [String: Any] || value is String { return true }
        if let bool = value as? Bool { return bool }
        if let array = value as? [Any] { return !array.isEmpty }
        if value is Int { return true }
        return !(value is NSNull)
    }

    static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let int = value as? Int { return String(int) }
        if let bool = value as? Bool { return bool ? "true" : "false" }
        if let double = value as? Double { return String(double) }
        if value is [String: Any] || value is [Any] { return String(describing: value) }
        if value is NSNull { return "" }
        return String(describing: value)
    }

    static func child(_ key: String, of object: Any) -> Any? {
        switch object {
        case let dictionary as [String: Any]: return dictionary[key]
        case let dictionary as [String: String]: return dictionary[key]
        default: return nil
        }
    }

    /// swift-mustache's transforms, for the ones our templates may use.
    static func transform(_ name: String, _ value: Any) -> Any? {
        switch (name, value) {
        case ("empty", let array as [Any]): return array.isEmpty
        case ("empty", let string as String): return string.isEmpty
        case ("count", let array as [Any]): return array.count
        case ("count", let string as String): return string.count
        case ("first", let array as [Any]): return array.first
        case ("last", let array as [Any]): return array.last
        case ("reversed", let array as [Any]): return Array(array.reversed())
        case ("reversed", let string as String): return String(string.reversed())
        case ("uppercased", let string as String): return string.uppercased()
        case ("lowercased", let string as String): return string.lowercased()
        case ("capitalized", let string as String): return string.capitalized
        case ("plusone", let int as Int): return int + 1
        case ("minusone", let int as Int): return int - 1
        case ("equalzero", let int as Int): return int == 0
        case ("even", let int as Int): return int % 2 == 0
        case ("odd", let int as Int): return int % 2 != 0
        default: return nil
        }
    }


    /// HTML escaping as swift-mustache does it: `& < > " '`. Runs without special bytes are
    /// copied whole.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

/// HTML escaping as templates do it (`& < > " '`), for text the generator writes into pages itself.
public enum HTMLEscaping {
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
