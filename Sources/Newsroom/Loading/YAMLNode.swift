import Yams

/// A YAML value with where it was written, read with Yams and checked for what we do not accept.
struct YAMLNode: Sendable {
    enum Kind: Sendable {
        case scalar(String, plain: Bool)
        case mapping([(key: String, keyLocation: SourceLocation, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    var kind: Kind
    var location: SourceLocation
    /// Yams' resolved tag name (`str`, `int`, `bool`, `null`, …).
    var tag: String

    var isNull: Bool {
        if case .scalar = kind { return tag == "null" }
        return false
    }

    var typeName: String {
        switch kind {
        case .scalar: return isNull ? "nothing" : "a \(tag == "str" ? "string" : tag)"
        case .mapping: return "a map"
        case .sequence: return "a list"
        }
    }

    /// Parses one YAML document. Duplicate keys, anchors, aliases and merge keys are errors.
    static func parse(_ yaml: String, path: String, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        if let simple = SimpleYAML.parse(yaml, path: path, firstLine: firstLine) {
            return .success(simple)
        }
        return parseWithYams(yaml, path: path, firstLine: firstLine)
    }

    /// The full YAML parser, for everything `SimpleYAML` leaves alone (and every error).
    static func parseWithYams(_ yaml: String, path: String, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
        }
        // The parser must outlive the walk: nodes hold their anchors weakly, and an anchor
        // (or an alias, which yields the anchored node) is how we spot what we refuse.
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: yaml, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(describe(error, locate: location, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error("YAML error: \(error)", at: location(nil)))
        }
        guard let root else { return .success(nil) }
        do {
            return .success(try withExtendedLifetime(parser) { try convert(root, locate: location) })
        } catch let problem as Problem {
            return .failure(.error(problem.message, at: problem.location))
        } catch {
            return .failure(.error("YAML error: \(error)", at: location(nil)))
        }
    }

    private struct Problem: Error {
        var message: String
        var location: SourceLocation
    }

    private static func convert(_ node: Node, locate: (Mark?) -> SourceLocation) throws -> YAMLNode {
        let here = locate(node.mark)
        if node.anchor != nil {
            throw Problem(message: "YAML anchors and aliases (&name, *name) are not supported in front matter; write the value out", location: here)
        }
        switch node {
        case .alias:
            throw Problem(message: "YAML aliases (*name) are not supported in front matter; write the value out", location: here)
        case .scalar(let scalar):
            let plain = scalar.style == .plain
            return YAMLNode(kind: .scalar(scalar.string, plain: plain), location: here, tag: plain ? ScalarType.resolve(scalar.string) : "str")
        case .sequence(let sequence):
            return YAMLNode(kind: .sequence(try sequence.map { try convert($0, locate: locate) }), location: here, tag: "seq")
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLNode)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Problem(message: "a front-matter key must be plain text", location: locate(key.mark))
                }
                if keyScalar.string == "<<" {
                    throw Problem(message: "YAML merge keys (<<) are not supported in front matter", location: locate(key.mark))
                }
                pairs.append((keyScalar.string, locate(key.mark), try convert(value, locate: locate)))
            }
            return YAMLNode(kind: .mapping(pairs), location: here, tag: "map")
        }
    }

    private static func describe(
        _ error: YamlError, locate: (Mark?) -> SourceLocation, path: String, firstLine: Int
    ) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return .error("YAML syntax error: \(detail)", at: locate(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(names) in front matter", at: locate(context.mark))
        case .reader(let problem, _, _, _):
            return .error("YAML error: \(problem)", at: locate(nil))
        default:
            return .error("YAML error: \(error)", at: locate(nil))
        }
    }
}

/// YAML 1.1 plain-scalar types (Yams' default rules), without its regular expressions.
enum ScalarType {
    static let booleans: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func resolve(_ text: String) -> String {
        // Every null, bool, int and float starts with one of these bytes (or is empty): other
        // plain scalars are strings without further tests.
        if let first = text.utf8.first, !"~nNyYtTfFoO0123456789+-.".utf8.contains(first) { return "str" }
        // Every null and bool is five bytes or fewer: a date or a number is not hashed for them.
        if text.utf8.count <= 5 {
            if nulls.contains(text) { return "null" }
            if booleans.contains(text) { return "bool" }
        }
        // Numbers are written with letters, digits and `_+-.` only: anything else (a date's
        // `:` or a space) is a string without the character-by-character tests below.
        let numeric = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
        guard numeric, !hasInnerSign(text) else { return "str" }
        if isInteger(text) { return "int" }
        if isFloat(text) { return "float" }
        return "str"
    }

    /// Whether a `-` or `+` follows the first byte other than as an exponent's sign (after `e`
    /// or `E`): no integer or float has one there, and every date does (`2024-03-01`).
    static func hasInnerSign(_ text: String) -> Bool {
        var previous: UInt8?
        for byte in text.utf8 {
            if let previous, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), previous != UInt8(ascii: "e"), previous != UInt8(ascii: "E") {
                return true
            }
            previous = byte
        }
        return false
    }

    static func isInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if body.hasPrefix("0x") { return body.count > 2 && body.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" } }
        if body.hasPrefix("0b") { return body.count > 2 && body.dropFirst(2).allSatisfy { $0 == "0" || $0 == "1" || $0 == "_" } }
        if body.hasPrefix("0o") { return body.count > 2 && body.dropFirst(2).allSatisfy { ("0"..."7").contains($0) || $0 == "_" } }
        if first == "0" { return body.allSatisfy { ("0"..."7").contains($0) || $0 == "_" } }
        return body.allSatisfy { $0.isASCII && $0.isNumber || $0 == "_" }
    }

    static func isFloat(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(body) || [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var mantissa = body
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponent = body[body.index(after: e)...]
            if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            mantissa = body[..<e]
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        let whole = parts[0], fraction = parts.count == 2 ? parts[1] : ""
        let digits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber || $0 == "_" } }
        if whole.isEmpty { return parts.count == 2 && !fraction.isEmpty && digits(fraction) }
        return whole.first!.isNumber && digits(whole) && digits(fraction)
    }
}
