import Foundation
import NewsroomText

/// Renders nodes against a context stack into one byte buffer.
struct MustacheRenderer {
    let set: MustacheTemplateSet
    /// The context stack, innermost last.
    var stack: [TemplateValue]
    /// How a `.link` is written on the page being rendered.
    let links: (TemplateLink) -> String
    var output: [UInt8] = []
    /// The partial calls being recorded for `PartialMemo`, outermost first.
    var recordings: [PartialRecording] = []

    init(set: MustacheTemplateSet, contexts: [TemplateValue], links: @escaping (TemplateLink) -> String) {
        self.set = set
        self.stack = contexts
        self.links = links
    }

    mutating func render(_ nodes: [MustacheNode], blocks: [String: BlockOverride]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text.bytes)
            case .variable(let name, let escaped, _):
                guard let value = lookup(name) else { continue }
                switch value {
                case .text(let string):
                    write(string, escaped: escaped)
                case .lambda(let lambda):
                    // A lambda's result is written unescaped, as swift-mustache does.
                    if lambda.memoIdentity == nil { unkeepable() }
                    Self.append(lambda.body(""), to: &output)
                case .link(let link):
                    unkeepable()
                    write(links(link), escaped: escaped)
                case .bytes(let bytes):
                    if escaped {
                        bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
                    } else {
                        output.append(contentsOf: bytes)
                    }
                default:
                    write(value.text, escaped: escaped)
                }
            case .section(let name, let children, let inverted, let source, _):
                let value = lookup(name)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, blocks: blocks) }
                    continue
                }
                guard let value else { continue }
                switch value {
                case .object, .text, .number, .decimal, .bytes:
                    renderWithin(value, children, blocks: blocks)
                case .link(let link):
                    unkeepable()
                    renderWithin(.text(links(link)), children, blocks: blocks)
                case .list(let elements):
                    for element in elements { renderWithin(element, children, blocks: blocks) }
                case .bool(let bool):
                    if bool { render(children, blocks: blocks) }
                case .lambda(let lambda):
                    if lambda.memoIdentity == nil { unkeepable() }
                    let result = lambda.result(source)
                    // A result without a tag renders as itself: no need to parse it.
                    if result.mayHoldTag {
                        render(set.lambdaResult(result.text), blocks: blocks)
                    } else {
                        Self.append(result.text, to: &output)
                    }
                case .null:
                    break
                }
            case .partial(let name, let dynamic, let indentation, let slot, _):
                if dynamic {
                    // The name comes from the context: its expansion may differ from call to call.
                    guard let nodes = templateName(name, dynamic: true).flatMap({ set.template($0, indentation: indentation) }) else { continue }
                    render(nodes, blocks: blocks)
                } else if let nodes = slot.nodes(orMake: { set.template(name, indentation: indentation) }) {
                    renderPartial(nodes, memo: slot.memo, blocks: blocks)
                }
            case .parent(let name, let dynamic, let indentation, let overrides, _, _):
                unkeepable()
                guard let resolved = templateName(name, dynamic: dynamic),
                      let nodes = set.template(resolved, indentation: indentation)
                else { continue }
                // The outermost definition of a block wins.
                render(nodes, blocks: overrides.merging(blocks) { _, outer in outer })
            case .block(let name, let defaultNodes, let indentation):
                unkeepable()
                if let override = blocks[name] {
                    render(set.override(override, indentation: indentation), blocks: blocks)
                } else {
                    render(defaultNodes, blocks: blocks)
                }
            }
        }
    }

    /// Writes `text`, HTML-escaped when `escaped`.
    private mutating func write(_ text: String, escaped: Bool) {
        if escaped { HTMLEscaping.append(text, to: &output) } else { Self.append(text, to: &output) }
    }

    /// Appends `text`'s UTF-8 bytes in one copy (the generic `append(contentsOf:)` on a
    /// `String.UTF8View` goes byte by byte).
    @inline(__always)
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
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

    /// Renders a partial call, or copies what an earlier call with the same outside reads wrote.
    private mutating func renderPartial(_ nodes: [MustacheNode], memo: PartialMemo, blocks: [String: BlockOverride]) {
        guard memo.isActive else {
            render(nodes, blocks: blocks)
            return
        }
        for entry in memo.candidates where entry.reads.allSatisfy({ read in
            let found = outsideRead(read.key, anchored: read.anchored)
            switch (found, read.value) {
            case (nil, nil): return true
            case (let now?, let then?): return now.rendersLike(then)
            default: return false
            }
        }) {
            memo.hit()
            output.append(contentsOf: entry.bytes)
            return
        }
        let recording = PartialRecording(base: stack.count)
        let start = output.count
        recordings.append(recording)
        render(nodes, blocks: blocks)
        recordings.removeLast()
        memo.miss(adding: recording.keepable ? PartialMemo.Entry(reads: recording.reads, bytes: Array(output[start...])) : nil)
        // What the partial read from below this caller's own recordings is theirs too.
        if !recording.keepable { unkeepable() }
    }

    /// Looks `key` up as a partial's first read would (noting it for the recordings in force).
    private func outsideRead(_ key: TemplateKey?, anchored: Bool) -> TemplateValue? {
        guard let key else {
            note(nil, anchored: false, stack.last, at: stack.count - 1)
            return stack.last
        }
        return first(key, anchored: anchored)
    }

    /// Marks every partial call being recorded as one whose output may not be kept.
    private func unkeepable() {
        for recording in recordings { recording.keepable = false }
    }

    /// Tells each recording whose partial began above `index` what a read found there.
    private func note(_ key: TemplateKey?, anchored: Bool, _ value: TemplateValue?, at index: Int) {
        for recording in recordings where index < recording.base {
            recording.note(PartialMemo.Read(key: key, anchored: anchored, value: value))
        }
    }

    private mutating func renderWithin(_ frame: TemplateValue, _ nodes: [MustacheNode], blocks: [String: BlockOverride]) {
        stack.append(frame)
        render(nodes, blocks: blocks)
        stack.removeLast()
    }

    private func templateName(_ name: String, dynamic: Bool) -> String? {
        guard dynamic else { return name }
        let path = name.split(separator: ".").map(String.init)
        guard case .text(let resolved)? = lookup(MustacheName(path: path, keys: path.map(TemplateKey.init), transforms: [], anchored: false, text: name)) else { return nil }
        return resolved
    }

    /// Finds the first frame (top down) holding the name's first part, then follows the rest.
    func lookup(_ name: MustacheName) -> TemplateValue? {
        var value: TemplateValue?
        if name.keys.isEmpty {
            value = stack.last
            if !recordings.isEmpty { note(nil, anchored: false, value, at: stack.count - 1) }
        } else {
            value = first(name.keys[0], anchored: name.anchored)
            if name.keys.count > 1 { value = follow(name.keys, from: value) }
        }
        for transform in name.transforms {
            guard let current = value else { return nil }
            value = MustacheValue.transform(transform, current)
        }
        return value
    }

    /// The value of a name's first part: in the top frame only when `anchored`, else in the first
    /// frame (top down) that has it; noted for the partial calls being recorded.
    private func first(_ key: TemplateKey, anchored: Bool) -> TemplateValue? {
        if anchored {
            let found = stack.last?.child(key)
            if !recordings.isEmpty { note(key, anchored: true, found, at: stack.count - 1) }
            return found
        }
        var index = stack.count - 1
        while index >= 0 {
            if let found = stack[index].child(key) {
                if !recordings.isEmpty { note(key, anchored: false, found, at: index) }
                return found
            }
            index -= 1
        }
        // A miss reads every frame: it is an outside read for every recording.
        if !recordings.isEmpty { note(key, anchored: false, nil, at: -1) }
        return nil
    }

    /// Follows `keys` after the first from `start`.
    private func follow(_ keys: [TemplateKey], from start: TemplateValue?) -> TemplateValue? {
        var current = start
        for key in keys.dropFirst() {
            guard let object = current else { return nil }
            current = object.child(key)
        }
        return current
    }
}
