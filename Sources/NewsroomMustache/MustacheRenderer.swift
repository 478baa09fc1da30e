import Foundation

/// Renders nodes against a context stack into one byte buffer.
struct MustacheRenderer {
    /// A context frame, sorted once when pushed so lookups need no dynamic casts.
    enum Frame {
        case dictionary([String: Any])
        case value(Any)

        init(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                self = .dictionary(dictionary)
            } else {
                self = .value(value)
            }
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): return dictionary
            case .value(let value): return value
            }
        }

        func child(_ key: String) -> Any? {
            switch self {
            case .dictionary(let dictionary): return dictionary[key]
            case .value(let value): return MustacheValue.child(key, of: value)
            }
        }
    }

    let set: MustacheTemplateSet
    var stack: [Frame]
    var output: [UInt8] = []

    init(set: MustacheTemplateSet, context: Any) {
        self.set = set
        self.stack = [Frame(context)]
    }

    mutating func render(_ nodes: [MustacheNode], blocks: [String: BlockOverride]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text.utf8)
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                if let string = value as? String {
                    if escaped { MustacheValue.escape(string, into: &output) } else { output.append(contentsOf: string.utf8) }
                    continue
                }
                if let lambda = value as? MustacheSectionLambda {
                    output.append(contentsOf: lambda.body("").utf8)
                    continue
                }
                let text = MustacheValue.text(value)
                if escaped { MustacheValue.escape(text, into: &output) } else { output.append(contentsOf: text.utf8) }
            case .section(let name, let children, let inverted, let source):
                let value = lookup(name)
                if inverted {
                    if !MustacheValue.isTruthy(value) { render(children, blocks: blocks) }
                } else if let dictionary = value as? [String: Any] {
                    renderWithin(.dictionary(dictionary), children, blocks: blocks)
                } else if let string = value as? String {
                    renderWithin(.value(string), children, blocks: blocks)
                } else if let dictionaries = value as? [[String: Any]] {
                    for dictionary in dictionaries {
                        renderWithin(.dictionary(dictionary), children, blocks: blocks)
                    }
                } else if let lambda = value as? MustacheSectionLambda {
                    let result = lambda.body(source)
                    // A result without a tag renders as itself: no need to parse it.
                    if Self.mayHoldTag(result) {
                        render(set.lambdaResult(result), blocks: blocks)
                    } else {
                        output.append(contentsOf: result.utf8)
                    }
                } else if let array = value as? [Any] {
                    for element in array {
                        renderWithin(Frame(element), children, blocks: blocks)
                    }
                } else if let bool = value as? Bool {
                    if bool { render(children, blocks: blocks) }
                } else if MustacheValue.isTruthy(value), let value {
                    renderWithin(Frame(value), children, blocks: blocks)
                }
            case .partial(let name, let dynamic, let indentation, let slot):
                let nodes: [MustacheNode]?
                if dynamic {
                    nodes = templateName(name, dynamic: true).flatMap { set.template($0, indentation: indentation) }
                } else {
                    nodes = slot.nodes { set.template(name, indentation: indentation) }
                }
                guard let nodes else { continue }
                render(nodes, blocks: blocks)
            case .parent(let name, let dynamic, let indentation, let overrides):
                guard let resolved = templateName(name, dynamic: dynamic),
                      let nodes = set.template(resolved, indentation: indentation)
                else { continue }
                // The outermost definition of a block wins.
                render(nodes, blocks: overrides.merging(blocks) { _, outer in outer })
            case .block(let name, let defaultNodes, let indentation):
                if let override = blocks[name] {
                    render(set.override(override, indentation: indentation), blocks: blocks)
                } else {
                    render(defaultNodes, blocks: blocks)
                }
            }
        }
    }

    /// Whether `text` holds `{{`, the only way a lambda's result can be more than text.
    static func mayHoldTag(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    private mutating func renderWithin(_ frame: Frame, _ nodes: [MustacheNode], blocks: [String: BlockOverride]) {
        stack.append(frame)
        render(nodes, blocks: blocks)
        stack.removeLast()
    }

    private func templateName(_ name: String, dynamic: Bool) -> String? {
        guard dynamic else { return name }
        let path = name.split(separator: ".").map(String.init)
        return lookup(MustacheName(path: path, transforms: [], anchored: false, text: name)) as? String
    }

    /// Finds the first frame (top down) holding the name's first part, then follows the rest.
    func lookup(_ name: MustacheName) -> Any? {
        var value: Any?
        if name.path.isEmpty {
            value = stack.last?.value
        } else if name.anchored {
            value = follow(name.path.dropFirst(), from: stack.last?.child(name.path[0]))
        } else {
            let key = name.path[0]
            var index = stack.count - 1
            while index >= 0 {
                let found: Any?
                switch stack[index] {
                case .dictionary(let dictionary): found = dictionary[key]
                case .value(let object): found = MustacheValue.child(key, of: object)
                }
                if let first = found {
                    value = name.path.count == 1 ? first : follow(name.path.dropFirst(), from: first)
                    break
                }
                index -= 1
            }
        }
        for transform in name.transforms {
            guard let current = value else { return nil }
            value = MustacheValue.transform(transform, current)
        }
        return value
    }

    private func follow<Path: Collection>(_ path: Path, from start: Any?) -> Any? where Path.Element == String {
        var current = start
        for key in path {
            guard let object = current else { return nil }
            current = MustacheValue.child(key, of: object)
        }
        return current
    }
}
