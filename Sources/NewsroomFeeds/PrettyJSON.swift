/// JSON written the way `JSONEncoder` writes it with `.prettyPrinted` and
/// `.withoutEscapingSlashes`: two spaces of indent a level, `"key" : value`, an empty container
/// as its brackets around a blank line, and in strings only `"`, `\` and the C0 controls
/// escaped (`\b \f \n \r \t`, the others `\u00xx`). Keys are written in the order given; the
/// caller gives them sorted. It writes straight into bytes, where the encoder builds a tree of
/// boxed values first.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has no member yet.
    private var isEmpty = true

    /// `{ … }`, its members written by `members`.
    mutating func object(_ members: (inout PrettyJSON) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), members)
    }

    /// `[ … ]`, one element of it written by `write` for each of `elements`.
    mutating func array<Elements: Sequence>(of elements: Elements, _ write: (inout PrettyJSON, Elements.Element) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { json in
            for element in elements {
                json.element()
                write(&json, element)
            }
        }
    }

    /// Starts the next member of an object: its value is written next.
    mutating func key(_ name: String) {
        element()
        string(name)
        bytes += " : ".utf8
    }

    /// Starts the next member of an object or element of an array.
    private mutating func element() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        bytes.append(UInt8(ascii: "\n"))
        indent()
    }

    /// `"key" : "value"`
    mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// `"key" : "value"`, or nothing for nil.
    mutating func member(_ name: String, _ value: String?) {
        if let value { member(name, value) }
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes += UnsafeBufferPointer(rebasing: utf8[start..<index])
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default: bytes += "u00\(String(byte >> 4, radix: 16))\(String(byte & 0xF, radix: 16))".utf8
                }
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[start...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Text outside the JSON value (a final newline).
    mutating func append(_ text: String) {
        bytes += text.utf8
    }

    private mutating func container(open: UInt8, close: UInt8, _ members: (inout PrettyJSON) -> Void) {
        bytes.append(open)
        let outer = isEmpty
        isEmpty = true
        depth += 1
        members(&self)
        depth -= 1
        if isEmpty { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(UInt8(ascii: "\n"))
        indent()
        bytes.append(close)
        isEmpty = outer
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }
}
