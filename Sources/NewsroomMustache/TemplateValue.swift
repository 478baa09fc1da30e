import Foundation
import Synchronization

/// A name a template looks up, interned: each distinct spelling gets one small number, so a
/// lookup compares integers instead of hashing strings. Templates intern their names when
/// parsed; view models use keys made once (`static let`).
public struct TemplateKey: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline let id: Int32

    public init(_ name: String) {
        id = KeyTable.shared.id(of: name)
    }

    public var spelling: String { KeyTable.shared.name(of: id) }
    public var description: String { spelling }
}

/// Every key spelling seen so far; grows, never shrinks (a site has a few hundred at most).
private final class KeyTable: Sendable {
    static let shared = KeyTable()

    private struct Spellings {
        var ids: [String: Int32] = [:]
        var names: [String] = []
    }

    private let spellings = Mutex(Spellings())

    func id(of name: String) -> Int32 {
        spellings.withLock {
            if let id = $0.ids[name] { return id }
            let id = Int32($0.names.count)
            $0.names.append(name)
            $0.ids[name] = id
            return id
        }
    }

    func name(of id: Int32) -> String {
        spellings.withLock { $0.names[Int(id)] }
    }
}

/// A value a template renders: what a view model holds, typed, so rendering needs no casts.
public enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case decimal(Double)
    case object(TemplateObject)
    case list([TemplateValue])
    case lambda(MustacheSectionLambda)
    /// A link to a file of the site, written relative to the page being rendered (the render
    /// call says how): one view model then serves every page that shows it.
    case link(TemplateLink)
    /// UTF-8 text kept as the bytes it was made as (a rendered Markdown body): it renders as
    /// `.text` of those bytes would, without being made a `String` (which validates and copies
    /// every byte of every page's body) on the way.
    case bytes([UInt8])
    case null

    /// False for null, `false` and empty lists; everything else is truthy (also "" and 0), as in
    /// swift-mustache.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .list(let values): return !values.isEmpty
        default: return true
        }
    }

    /// The text a variable tag writes.
    var text: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .bool(let bool): return bool ? "true" : "false"
        case .decimal(let number): return String(number)
        case .null: return ""
        case .object, .list: return String(describing: foundationValue(links: \.asWritten))
        case .lambda(let lambda): return lambda.body("")
        case .link(let link): return link.asWritten
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The value of `key` when this is an object.
    @inline(__always)
    func child(_ key: TemplateKey) -> TemplateValue? {
        if case .object(let object) = self { return object.value(key) }
        return nil
    }
}

/// Keys and values in the order they were set; looked up by a scan over interned keys (view
/// models have a few dozen keys at most, where a scan beats hashing), skipped when the key's bit
/// in `keyBits` is clear: most lookups look through frames that lack the key (a page's own
/// values, on the way to the site's), and setting a new key needs no scan for an old value.
///
/// Its members are inlinable so that setting a `String` or `Bool` from another module makes the
/// `TemplateValue` in place rather than through an existential box.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    @usableFromInline var entries: [TemplateEntry]
    /// The bit of each key set (see `bit(of:)`): a key whose bit is clear is not set.
    @usableFromInline var keyBits: UInt64 = 0

    @inlinable
    public init(capacity: Int = 0) {
        entries = []
        entries.reserveCapacity(capacity)
    }

    @inlinable
    public init(dictionaryLiteral elements: (TemplateKey, any TemplateRepresentable)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { set(key, value.templateValue) }
    }

    /// One of 64 bits for `key`, shared by the keys whose numbers are 64 apart.
    @inlinable @inline(__always)
    static func bit(of key: TemplateKey) -> UInt64 {
        1 << UInt64(truncatingIfNeeded: key.id & 63)
    }

    /// Whether `key` may be set: false when it certainly is not.
    @inlinable @inline(__always)
    func mayHold(_ key: TemplateKey) -> Bool {
        keyBits & Self.bit(of: key) != 0
    }

    /// The value of `key`, or nil when it is not set.
    @inlinable @inline(__always)
    public func value(_ key: TemplateKey) -> TemplateValue? {
        guard mayHold(key) else { return nil }
        for entry in entries where entry.key.id == key.id { return entry.value }
        return nil
    }

    /// Where the value of `key` sits in this object's storage, or nil when it is not set: for
    /// reading it in place while the object is held unchanged (the renderer's frames).
    @inline(__always)
    func valuePointer(_ key: TemplateKey) -> UnsafePointer<TemplateValue>? {
        guard mayHold(key) else { return nil }
        return entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for index in buffer.indices where buffer[index].key.id == key.id {
                return (base + index).pointer(to: \.value)
            }
            return nil
        }
    }

    /// Reads a key; setting one replaces its value, setting nil removes it.
    /// Sets `key` (nil removes it); generic, so each call site converts its own type directly.
    /// Reading gives only `TemplateValue`s: use `value(_:)`.
    @inlinable
    public subscript<Value: TemplateRepresentable>(key: TemplateKey) -> Value? {
        get { value(key) as? Value }
        set {
            if let newValue {
                set(key, newValue.templateValue)
            } else if mayHold(key), let index = entries.firstIndex(where: { $0.key.id == key.id }) {
                entries.remove(at: index)
                keyBits = entries.reduce(0) { $0 | Self.bit(of: $1.key) }
            }
        }
    }

    /// Sets each key of `other` in its order, replacing what this object held for it.
    @inlinable
    public mutating func set(contentsOf other: TemplateObject) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for entry in other.entries { set(entry.key, entry.value) }
    }

    /// Sets `key` to `value`, replacing what it held.
    @inlinable
    public mutating func set(_ key: TemplateKey, _ value: TemplateValue) {
        if mayHold(key) {
            for index in entries.indices where entries[index].key.id == key.id {
                entries[index].value = value
                return
            }
        }
        entries.append(TemplateEntry(key: key, value: value))
        keyBits |= Self.bit(of: key)
    }
}

/// One key of a `TemplateObject` and its value.
@usableFromInline
struct TemplateEntry: Sendable {
    // The value first: the key then fills the value's padding, and an entry takes 40 bytes
    // instead of 48 (a large site keeps every item's card).
    @usableFromInline var value: TemplateValue
    @usableFromInline var key: TemplateKey

    @inlinable
    init(key: TemplateKey, value: TemplateValue) {
        self.key = key
        self.value = value
    }
}

/// What can be put in a `TemplateObject`.
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { self }
}

extension TemplateObject: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .object(self) }
}

extension String: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .number(self) }
}

extension MustacheSectionLambda: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .lambda(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// Lists of objects, the common case, are converted without a call per element through the
    /// protocol (reached through an existential, the generic version is not specialised).
    @inlinable public var templateValue: TemplateValue {
        if let objects = self as? [TemplateObject] { return .list(objects.map { .object($0) }) }
        if let values = self as? [TemplateValue] { return .list(values) }
        return .list(map(\.templateValue))
    }
}

extension TemplateValue {
    /// A Foundation-style value (`[String: Any]`, `[Any]`, `String`, …) made typed: for data
    /// from JSON and for callers that build dictionaries.
    public init(_ any: Any) {
        switch any {
        case let value as TemplateValue: self = value
        case let object as TemplateObject: self = .object(object)
        case let text as String: self = .text(text)
        case let bool as Bool: self = .bool(bool)
        case let number as Int: self = .number(number)
        case let number as Double: self = .decimal(number)
        case let lambda as MustacheSectionLambda: self = .lambda(lambda)
        case let dictionary as [String: Any]:
            var object = TemplateObject(capacity: dictionary.count)
            for (key, value) in dictionary { object[TemplateKey(key)] = TemplateValue(value) }
            self = .object(object)
        case let dictionary as [String: String]:
            self = TemplateValue(dictionary as [String: Any])
        case let array as [Any]: self = .list(array.map(TemplateValue.init))
        case is NSNull: self = .null
        default: self = .text(String(describing: any))
        }
    }

    /// The value as Foundation-style types: `[String: Any]`, `[Any]`, `String`, `Bool`, `Int`,
    /// `Double`, `NSNull` (lambdas as they are), each link written as `links` says, for engines
    /// that take those.
    public func foundationValue(links: (TemplateLink) -> String) -> Any {
        switch self {
        case .text(let text): return text
        case .bool(let bool): return bool
        case .number(let number): return number
        case .decimal(let number): return number
        case .object(let object): return object.foundationValue(links: links)
        case .list(let values): return values.map { $0.foundationValue(links: links) }
        case .lambda(let lambda): return lambda
        case .link(let link): return links(link)
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .null: return NSNull()
        }
    }
}

/// A link from the page being rendered to `target` (a path under the output root), then `suffix`
/// (`?query#fragment`) as written.
public struct TemplateLink: Sendable, Hashable {
    public var target: String
    public var suffix: String

    public init(_ target: String, suffix: String = "") {
        self.target = target
        self.suffix = suffix
    }

    /// The link as written, target then suffix: what it is where no page is being rendered.
    public var asWritten: String { target + suffix }
}

/// Writes a link for the page being rendered: hands its UTF-8 bytes, in one or more pieces, to
/// the function given, which copies them into the page (escaped where the tag says). Links are
/// written for every page, many times: as bytes they need no `String` made and then read again.
public typealias TemplateLinkWriter = (TemplateLink, (UnsafeBufferPointer<UInt8>) -> Void) -> Void

extension TemplateLink {
    /// The link as `writer` writes it, joined into one `String`: for what takes it as text (a
    /// section over a link, another engine).
    public func text(writtenBy writer: TemplateLinkWriter) -> String {
        var text: [UInt8] = []
        writer(self) { text.append(contentsOf: $0) }
        return String(decoding: text, as: UTF8.self)
    }
}

extension TemplateLink: TemplateRepresentable {
    @inlinable public var templateValue: TemplateValue { .link(self) }
}

extension TemplateObject {
    /// The object as `[String: Any]` (see `TemplateValue.foundationValue`).
    public func foundationValue(links: (TemplateLink) -> String) -> [String: Any] {
        var dictionary: [String: Any] = [:]
        for entry in entries { dictionary[entry.key.spelling] = entry.value.foundationValue(links: links) }
        return dictionary
    }
}
