import NewsroomMarkdown
import Foundation
import NewsroomText

/// Reads typed fields from a front-matter or `site.yml` map, logging every problem with its place.
struct FieldReader {
    let pairs: [(key: String, keyLocation: SourceLocation, value: YAMLNode)]
    let location: SourceLocation
    /// How a key is named in messages: "" at the top level, "image." inside `image`.
    let prefix: String

    init?(_ node: YAMLNode, prefix: String = "", log: inout DiagnosticLog) {
        guard case .mapping(let pairs) = node.kind else {
            let what = prefix.isEmpty ? "front matter" : "'\(prefix.dropLast())'"
            log.error("\(what) must be a map of 'key: value' lines, not \(node.typeName)", at: node.location)
            return nil
        }
        self.pairs = pairs
        self.location = node.location
        self.prefix = prefix
    }

    func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    /// A text value; any scalar counts, `null` counts as absent.
    func text(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> (String, SourceLocation)? {
        guard let value = node(key), !value.isNull else {
            if required { log.error("missing required key '\(prefix)\(key)'", at: node(key)?.location ?? location) }
            return nil
        }
        guard case .scalar(let string, _) = value.kind else {
            log.error("'\(prefix)\(key)' must be text, not \(value.typeName)", at: value.location)
            return nil
        }
        if required && string.trimmedASCIISpace.isEmpty {
            log.error("'\(prefix)\(key)' must not be empty", at: value.location)
            return nil
        }
        return (string, value.location)
    }

    /// A URL for a link the site shows: http(s), mailto: or relative; script and data URLs are errors.
    func url(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> (String, SourceLocation)? {
        guard let (url, location) = text(key, required: required, log: &log) else { return nil }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
            let scheme = url[..<colon].lowercased()
            guard ["http", "https", "mailto", "tel"].contains(scheme) else {
                log.error("'\(prefix)\(key)' must be an http(s), mailto: or relative URL, not '\(scheme):…'", at: location)
                return nil
            }
        }
        return (url, location)
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let value = node(key), !value.isNull else { return nil }
        guard case .scalar = value.kind, value.tag == "bool" else {
            log.error("'\(prefix)\(key)' must be true or false, not \(value.typeName)", at: value.location)
            return nil
        }
        if case .scalar(let string, _) = value.kind {
            return ["true", "yes", "on"].contains(string.lowercased())
        }
        return nil
    }

    func integer(_ key: String, in range: ClosedRange<Int>, log: inout DiagnosticLog) -> Int? {
        guard let value = node(key), !value.isNull else { return nil }
        guard case .scalar(let string, _) = value.kind, value.tag == "int", let number = Int(string) else {
            log.error("'\(prefix)\(key)' must be a whole number, not \(value.typeName)", at: value.location)
            return nil
        }
        guard range.contains(number) else {
            log.error("'\(prefix)\(key)' must be from \(range.lowerBound) to \(range.upperBound)", at: value.location)
            return nil
        }
        return number
    }

    /// A list of text values; a lone scalar is an error (say what to write instead).
    func textList(_ key: String, log: inout DiagnosticLog) -> [(String, SourceLocation)]? {
        guard let value = node(key), !value.isNull else { return nil }
        guard case .sequence(let elements) = value.kind else {
            log.error("'\(prefix)\(key)' must be a list, e.g. [a, b], not \(value.typeName)", at: value.location)
            return nil
        }
        var result: [(String, SourceLocation)] = []
        for element in elements {
            guard case .scalar(let string, _) = element.kind, !element.isNull else {
                log.error("each entry of '\(prefix)\(key)' must be text, not \(element.typeName)", at: element.location)
                continue
            }
            result.append((string, element.location))
        }
        return result
    }

    func date(_ key: String, parser: DateParser, required: Bool = false, log: inout DiagnosticLog) -> PublicationDate? {
        guard let (string, where_) = text(key, required: required, log: &log) else { return nil }
        switch parser.parse(string) {
        case .success(let date):
            return date
        case .failure(.malformed):
            log.error("'\(prefix)\(key)' is not a date: '\(string)' (write 2023-03-21 or 2023-03-21T10:00:00+02:00)", at: where_)
        case .failure(.outOfRange(let reason)):
            log.error("'\(prefix)\(key)' is not a real date: \(reason)", at: where_)
        }
        return nil
    }

    func map(_ key: String, log: inout DiagnosticLog) -> FieldReader? {
        guard let value = node(key), !value.isNull else { return nil }
        return FieldReader(value, prefix: "\(prefix)\(key).", log: &log)
    }

    func list(_ key: String, log: inout DiagnosticLog) -> [YAMLNode]? {
        guard let value = node(key), !value.isNull else { return nil }
        guard case .sequence(let elements) = value.kind else {
            log.error("'\(prefix)\(key)' must be a list, not \(value.typeName)", at: value.location)
            return nil
        }
        return elements
    }

    /// Warns about keys that are not in `known`, suggesting the closest known one.
    func warnAboutUnknownKeys(known: [String], log: inout DiagnosticLog) {
        for pair in pairs where !known.contains(pair.key) {
            let hint = Suggestion.didYouMean(pair.key, in: known)
            log.warning("unknown key '\(prefix)\(pair.key)'\(hint.isEmpty ? "; it is ignored" : hint)", at: pair.keyLocation)
        }
    }
}
