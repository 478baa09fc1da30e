/// A front-matter or configuration value as another generator wrote it: looser than Newsroom's
/// own (`tags` may be a list or a space-separated string), so it is read without Newsroom's checks.
struct SourceValue: Sendable {
    enum Kind: Sendable {
        case text(String)
        case list([SourceValue])
        case map([(key: String, value: SourceValue)])
    }

    var kind: Kind
    /// The file line the value is written on.
    var line: Int

    var text: String? {
        if case .text(let text) = kind { return text }
        return nil
    }

    /// A list's texts, or a lone text as one element.
    var texts: [String] {
        switch kind {
        case .text(let text): return [text]
        case .list(let values): return values.compactMap(\.text)
        case .map: return []
        }
    }

    subscript(key: String) -> SourceValue? {
        if case .map(let pairs) = kind { return pairs.first { $0.key == key }?.value }
        return nil
    }

    var keys: [String] {
        if case .map(let pairs) = kind { return pairs.map(\.key) }
        return []
    }

    static func from(_ node: YAMLNode) -> SourceValue {
        switch node.kind {
        case .scalar(let text, _): return SourceValue(kind: .text(node.isNull ? "" : text), line: node.location.line)
        case .sequence(let nodes): return SourceValue(kind: .list(nodes.map(from)), line: node.location.line)
        case .mapping(let pairs):
            return SourceValue(kind: .map(pairs.map { (key: $0.key, value: from($0.value)) }), line: node.location.line)
        }
    }
}
