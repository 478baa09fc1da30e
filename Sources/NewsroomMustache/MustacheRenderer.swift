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

    /// Renders a compiled template from its first operation to its last.
    mutating func render(_ program: MustacheProgram, blocks: [String: BlockOverride]) {
        program.ops.withUnsafeBufferPointer { ops in
            program.text.withUnsafeBufferPointer { text in
                program.keys.withUnsafeBufferPointer { keys in
                    run(Code(program: program, ops: ops, text: text, keys: keys), 0..<ops.count, blocks: blocks)
                }
            }
        }
    }

    /// A program with its buffers open for reading while it runs.
    private struct Code {
        let program: MustacheProgram
        let ops: UnsafeBufferPointer<MustacheOp>
        let text: UnsafeBufferPointer<UInt8>
        let keys: UnsafeBufferPointer<TemplateKey>
    }

    /// Runs the operations in `range`; a section's or block's children are the operations up to
    /// its `end`, run (or not) by it and then stepped over.
    private mutating func run(_ code: Code, _ range: Range<Int>, blocks: [String: BlockOverride]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let op = code.ops[index]
            index += 1
            switch op.kind {
            case .text:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: code.text[Int(op.start)..<Int(op.start + op.count)]))
            case .variable:
                if let value = lookup(op, in: code) { write(value, escaped: op.flag) }
            case .section:
                let children = index..<Int(op.end)
                index = children.upperBound
                section(op, children, in: code, blocks: blocks)
            case .partial:
                if op.flag {
                    // The name comes from the context: its expansion may differ from call to call.
                    let call = code.program.partials[Int(op.detail)]
                    guard let program = templateName(call.name, dynamic: true).flatMap({ set.template($0, indentation: call.indentation) }) else { continue }
                    render(program, blocks: blocks)
                    continue
                }
                let slot = code.program.slots[Int(op.detail)]
                let found = slot.program {
                    let call = code.program.partials[Int(op.detail)]
                    return set.template(call.name, indentation: call.indentation)
                }
                if let found { renderPartial(found, memo: slot.memo, blocks: blocks) }
            case .parent:
                unkeepable()
                let call = code.program.parents[Int(op.detail)]
                guard let resolved = templateName(call.name, dynamic: call.dynamic),
                      let program = set.template(resolved, indentation: call.indentation)
                else { continue }
                // The outermost definition of a block wins.
                render(program, blocks: call.overrides.merging(blocks) { _, outer in outer })
            case .block:
                unkeepable()
                let defaults = index..<Int(op.end)
                index = defaults.upperBound
                let site = code.program.blocks[Int(op.detail)]
                if let override = blocks[site.name] {
                    render(set.override(override, indentation: site.indentation), blocks: blocks)
                } else {
                    run(code, defaults, blocks: blocks)
                }
            }
        }
    }

    /// Writes a variable tag's value.
    private mutating func write(_ value: TemplateValue, escaped: Bool) {
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
    }

    /// Renders a section's `children` as its value says: once within it, once per element of a
    /// list, as a lambda's result, or not at all (the other way round when inverted).
    private mutating func section(_ op: MustacheOp, _ children: Range<Int>, in code: Code, blocks: [String: BlockOverride]) {
        let value = lookup(op, in: code)
        if op.flag {
            if !(value?.isTruthy ?? false) { run(code, children, blocks: blocks) }
            return
        }
        guard let value else { return }
        switch value {
        case .object, .text, .number, .decimal, .bytes:
            runWithin(value, code, children, blocks: blocks)
        case .link(let link):
            unkeepable()
            runWithin(.text(links(link)), code, children, blocks: blocks)
        case .list(let elements):
            for element in elements { runWithin(element, code, children, blocks: blocks) }
        case .bool(let bool):
            if bool { run(code, children, blocks: blocks) }
        case .lambda(let lambda):
            if lambda.memoIdentity == nil { unkeepable() }
            let result = lambda.result(code.program.sources[Int(op.detail)])
            // A result without a tag renders as itself: no need to parse it.
            if result.mayHoldTag {
                render(set.lambdaResult(result.text), blocks: blocks)
            } else {
                Self.append(result.text, to: &output)
            }
        case .null:
            break
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
    private mutating func renderPartial(_ program: MustacheProgram, memo: PartialMemo, blocks: [String: BlockOverride]) {
        guard let snapshot = memo.snapshot else {
            render(program, blocks: blocks)
            return
        }
        for entry in snapshot.entries where entry.reads.allSatisfy({ read in
            let found = outsideRead(read.key, anchored: read.anchored)
            switch (found, read.value) {
            case (nil, nil): return true
            case (let now?, let then?): return now.rendersLike(then)
            default: return false
            }
        }) {
            if !snapshot.hasHit { memo.hit() }
            output.append(contentsOf: entry.bytes)
            return
        }
        let recording = PartialRecording(base: stack.count)
        let start = output.count
        recordings.append(recording)
        render(program, blocks: blocks)
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

    private mutating func runWithin(_ frame: TemplateValue, _ code: Code, _ children: Range<Int>, blocks: [String: BlockOverride]) {
        stack.append(frame)
        run(code, children, blocks: blocks)
        stack.removeLast()
    }

    private func templateName(_ name: String, dynamic: Bool) -> String? {
        guard dynamic else { return name }
        let path = name.split(separator: ".").map(String.init)
        guard case .text(let resolved)? = lookup(MustacheName(path: path, keys: path.map(TemplateKey.init), transforms: [], anchored: false, text: name)) else { return nil }
        return resolved
    }

    /// The value of a variable or section op's name.
    private func lookup(_ op: MustacheOp, in code: Code) -> TemplateValue? {
        let value = find(UnsafeBufferPointer(rebasing: code.keys[Int(op.start)..<Int(op.start + op.count)]), anchored: op.anchored)
        return op.transformed ? transformed(value, by: code.program.names[Int(op.detail)].transforms) : value
    }

    /// The value of `name` (a dynamic partial's).
    func lookup(_ name: MustacheName) -> TemplateValue? {
        transformed(name.keys.withUnsafeBufferPointer { find($0, anchored: name.anchored) }, by: name.transforms)
    }

    /// Finds the first frame (top down) holding the first key (only the top frame when
    /// `anchored`), then follows the rest; no keys is `.`, the top frame.
    private func find(_ keys: UnsafeBufferPointer<TemplateKey>, anchored: Bool) -> TemplateValue? {
        guard let head = keys.first else {
            if !recordings.isEmpty { note(nil, anchored: false, stack.last, at: stack.count - 1) }
            return stack.last
        }
        var value = first(head, anchored: anchored)
        for key in keys.dropFirst() {
            guard let object = value else { return nil }
            value = object.child(key)
        }
        return value
    }

    private func transformed(_ value: TemplateValue?, by transforms: [String]) -> TemplateValue? {
        var value = value
        for transform in transforms {
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
}
