import Foundation

/// Renders nodes against a context stack into one output string.
struct MustacheRenderer {
    let set: MustacheTemplateSet
    var stack: [Any]
    var output = ""

    init(set: MustacheTemplateSet, stack: [Any]) {
        self.set = set
        self.stack = stack
    }

    mutating func render(_ nodes: [MustacheNode], blocks: [String: BlockOverride]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                if let lambda = value as? MustacheSectionLambda {
                    output += lambda.body("")
                    continue
                }
                let text = MustacheValue.text(value)
                if escaped { MustacheValue.escape(text, into: &output) } else { output += text }
            case .section(let name, let children, let inverted, let source):
                let value = lookup(name)
                if inverted {
                    if !MustacheValue.isTruthy(value) { render(children, blocks: blocks) }
                } else if let dictionary = value as? [String: Any] {
                    stack.append(dictionary)
                    render(children, blocks: blocks)
                    stack.removeLast()
                } else if let string = value as? String {
                    stack.append(string)
                    render(children, blocks: blocks)
                    stack.removeLast()
                } else if let lambda = value as? MustacheSectionLambda {
                    render(set.lambdaResult(lambda.body(source)), blocks: blocks)
                } else if let array = value as? [Any] {
                    for element in array {
                        stack.append(element)
                        render(children, blocks: blocks)
                        stack.removeLast()
                    }
                } else if let bool = value as? Bool {
                    if bool { render(children, blocks: blocks) }
                } else if MustacheValue.isTruthy(value), let value {
                    stack.append(value)
                    render(children, blocks: blocks)
                    stack.removeLast()
                }
            case .partial(let name, let dynamic, let indentation):
                guard let resolved = templateName(name, dynamic: dynamic),
                      let nodes = set.template(resolved, indentation: indentation)
                else { continue }
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

    private func templateName(_ name: String, dynamic: Bool) -> String? {
        guard dynamic else { return name }
        let path = name.split(separator: ".").map(String.init)
        return lookup(MustacheName(path: path, transforms: [], anchored: false, text: name)) as? String
    }

    /// Finds the first frame (top down) holding the name's first part, then follows the rest.
    func lookup(_ name: MustacheName) -> Any? {
        var value: Any?
        if name.path.isEmpty {
            value = stack.last
        } else if name.anchored {
            value = follow(name.path, from: stack.last)
        } else {
            for frame in stack.reversed() {
                if let first = MustacheValue.child(name.path[0], of: frame) {
                    value = follow(name.path.dropFirst(), from: first)
                    break
                }
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
