import Foundation
import NewsroomText

/// Renders nodes against a context stack into one byte buffer.
///
/// Values are read where they sit, never copied: a frame of the stack points at a value held
/// by the caller's contexts, by a frame below it (a key's value, a list's element), or by a
/// local of the call that pushed it, and is popped before its holder goes. Copying a view
/// model's values retained each one, and pages rendering on several cores retain the same
/// shared values (cards, the site's keys), which makes each retain wait for the other core.
struct MustacheRenderer {
    let set: MustacheTemplateSet
    /// The context stack, innermost last.
    private var stack: [UnsafePointer<TemplateValue>]
    /// How a `.link` is written on the page being rendered.
    let links: TemplateLinkWriter
    var output: [UInt8] = []
    /// The partial calls being recorded for `PartialMemo`, outermost first.
    var recordings: [PartialRecording] = []

    private init(set: MustacheTemplateSet, frames: UnsafeBufferPointer<TemplateValue>, links: @escaping TemplateLinkWriter) {
        self.set = set
        self.stack = frames.indices.map { frames.baseAddress! + $0 }
        self.links = links
    }

    /// The bytes `program` renders with `contexts` as the context stack (innermost last).
    static func output(of program: MustacheProgram, set: MustacheTemplateSet, contexts: [TemplateValue], links: @escaping TemplateLinkWriter) -> [UInt8] {
        contexts.withUnsafeBufferPointer { frames in
            var renderer = MustacheRenderer(set: set, frames: frames, links: links)
            renderer.output.reserveCapacity(32_768)
            renderer.render(program, blocks: [:])
            return renderer.output
        }
    }

    /// Renders a compiled template from its first operation to its last.
    mutating func render(_ program: MustacheProgram, blocks: [String: BlockOverride]) {
        program.ops.withUnsafeBufferPointer { ops in
            program.text.withUnsafeBufferPointer { text in
                program.keys.withUnsafeBufferPointer { keys in
                    program.slotReferences.withUnsafeBufferPointer { slots in
                        run(Code(program: program, ops: ops, text: text, keys: keys, slots: slots), 0..<ops.count, blocks: blocks)
                    }
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
        let slots: UnsafeBufferPointer<Unmanaged<TemplateSlot>>
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
                if op.transformed {
                    if let value = transformed(op, in: code) { withUnsafePointer(to: value) { write($0, escaped: op.flag) } }
                } else if let found = find(keys(of: op, in: code), anchored: op.anchored) {
                    write(found, escaped: op.flag)
                }
            case .section:
                let children = index..<Int(op.end)
                index = children.upperBound
                if op.transformed {
                    if let value = transformed(op, in: code) {
                        withUnsafePointer(to: value) { section(op, $0, children, in: code, blocks: blocks) }
                    } else {
                        section(op, nil, children, in: code, blocks: blocks)
                    }
                } else {
                    section(op, find(keys(of: op, in: code), anchored: op.anchored), children, in: code, blocks: blocks)
                }
            case .partial:
                if op.flag {
                    // The name comes from the context: its expansion may differ from call to call.
                    let call = code.program.partials[Int(op.detail)]
                    guard let program = templateName(call.name, dynamic: true).flatMap({ set.template($0, indentation: call.indentation) }) else { continue }
                    render(program, blocks: blocks)
                    continue
                }
                // Read unretained: the program holds its slots while it runs.
                code.slots[Int(op.detail)]._withUnsafeGuaranteedRef { slot in
                    _ = slot.withProgram(orMake: {
                        let call = code.program.partials[Int(op.detail)]
                        return set.template(call.name, indentation: call.indentation)
                    }) { renderPartial($0, memo: slot.memo, blocks: blocks) }
                }
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

    /// Writes a variable tag's value, read where it is.
    private mutating func write(_ value: UnsafePointer<TemplateValue>, escaped: Bool) {
        switch Self.textBytes(value) {
        case .stored(let bytes):
            write(bytes, escaped: escaped)
            return
        case .inline(var bytes, let count):
            withUnsafeBytes(of: &bytes) { write(UnsafeBufferPointer(start: $0.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count), escaped: escaped) }
            return
        case .other:
            break
        }
        // Checked before the switch below, which copies the value it reads (retaining a link's
        // strings, which the pages rendering on other cores share).
        if case .link = value.pointee {
            unkeepable()
            writeLink(value, escaped: escaped)
            return
        }
        switch value.pointee {
        case .text(let string):
            write(string, escaped: escaped)
        case .lambda(let lambda):
            // A lambda's result is written unescaped, as swift-mustache does.
            if lambda.memoIdentity == nil { unkeepable() }
            Self.append(lambda.body(""), to: &output)
        case .bytes(let bytes):
            if escaped {
                bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
            } else {
                output.append(contentsOf: bytes)
            }
        default:
            write(value.pointee.text, escaped: escaped)
        }
    }

    /// Writes a `.link` value as `links` makes it for this page, its pieces escaped on the way
    /// in: no `String` is made for it.
    private mutating func writeLink(_ value: UnsafePointer<TemplateValue>, escaped: Bool) {
        guard case .link(let link) = value.pointee else { return }
        links(link) { write($0, escaped: escaped) }
    }

    /// Renders a section's `children` as its value says: once within it, once per element of a
    /// list, as a lambda's result, or not at all (the other way round when inverted).
    private mutating func section(_ op: MustacheOp, _ found: UnsafePointer<TemplateValue>?, _ children: Range<Int>, in code: Code, blocks: [String: BlockOverride]) {
        if op.flag {
            if !(found?.pointee.isTruthy ?? false) { run(code, children, blocks: blocks) }
            return
        }
        guard let found else { return }
        switch found.pointee {
        case .object, .text, .number, .decimal, .bytes:
            runWithin(found, code, children, blocks: blocks)
        case .link(let link):
            unkeepable()
            withUnsafePointer(to: TemplateValue.text(link.text(writtenBy: links))) { runWithin($0, code, children, blocks: blocks) }
        case .list:
            let elements = TemplateValue.elements(found)
            for index in elements.indices { runWithin(elements.baseAddress! + index, code, children, blocks: blocks) }
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

    /// A `.text` or `.bytes` value's UTF-8 as `textBytes` finds it.
    private enum TextBytes {
        /// In the string's or array's own storage, which the value's holder keeps while its
        /// frame is up.
        case stored(UnsafeBufferPointer<UInt8>)
        /// Copied out of a string of up to 15 bytes, which may hold them itself.
        case inline(SIMD16<UInt8>, count: Int)
        /// Not text, or text kept elsewhere.
        case other
    }

    /// The UTF-8 of a `.text` or `.bytes` value, found without copying it: a copy retains its
    /// storage, an atomic write to memory that the pages rendering on the other cores share.
    /// Nothing but locals is written while the string is read, which lets it be read in place.
    @inline(__always)
    private static func textBytes(_ value: UnsafePointer<TemplateValue>) -> TextBytes {
        if case .bytes(let bytes) = value.pointee { return bytes.withUnsafeBufferPointer { .stored($0) } }
        guard case .text(let text) = value.pointee else { return .other }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> TextBytes in
            guard bytes.count < 16 else { return .stored(bytes) }
            var inline = SIMD16<UInt8>()
            for index in bytes.indices { inline[index] = bytes[index] }
            return .inline(inline, count: bytes.count)
        } ?? .other
    }

    /// Writes UTF-8 `bytes`, HTML-escaped when `escaped`.
    @inline(__always)
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        if escaped { HTMLEscaping.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
    }

    /// Writes `text`, HTML-escaped when `escaped`, read in place.
    private mutating func write(_ text: String, escaped: Bool) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            if escaped { HTMLEscaping.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
        }
        if written == nil {
            if escaped { HTMLEscaping.append(text, to: &output) } else { Self.append(text, to: &output) }
        }
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
        // Entries and reads are read where they lie: a copy of each would retain what it holds.
        let hit = snapshot.entries.withUnsafeBufferPointer { entries in
            entries.indices.first { matches(entries.baseAddress! + $0) }
        }
        if let hit {
            if !snapshot.hasHit { memo.hit() }
            snapshot.entries[hit].bytes.withUnsafeBufferPointer { output.append(contentsOf: $0) }
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

    /// Whether every outside read of a memo entry finds what renders as what it found then.
    private func matches(_ entry: UnsafePointer<PartialMemo.Entry>) -> Bool {
        let reads = Self.reads(of: entry)
        guard let first = reads.baseAddress else { return true }
        return reads.indices.allSatisfy { index in
            let read = first + index
            guard let found = outsideRead(read.pointee.key, anchored: read.pointee.anchored) else { return !read.pointee.found }
            return read.pointee.found && TemplateValue.rendersLike(found, read.pointer(to: \.value)!)
        }
    }

    /// A memo entry's reads where its array keeps them.
    @inline(__always)
    private static func reads(of entry: UnsafePointer<PartialMemo.Entry>) -> UnsafeBufferPointer<PartialMemo.Read> {
        entry.pointee.reads.withUnsafeBufferPointer { $0 }
    }

    /// Looks `key` up as a partial's first read would (noting it for the recordings in force).
    private func outsideRead(_ key: TemplateKey?, anchored: Bool) -> UnsafePointer<TemplateValue>? {
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
    private func note(_ key: TemplateKey?, anchored: Bool, _ found: UnsafePointer<TemplateValue>?, at index: Int) {
        for recording in recordings where index < recording.base {
            recording.note(PartialMemo.Read(key: key, anchored: anchored, value: found?.pointee))
        }
    }

    /// Runs `children` with `frame` on top of the stack; `frame` must stay where it is until then.
    private mutating func runWithin(_ frame: UnsafePointer<TemplateValue>, _ code: Code, _ children: Range<Int>, blocks: [String: BlockOverride]) {
        stack.append(frame)
        run(code, children, blocks: blocks)
        stack.removeLast()
    }

    private func templateName(_ name: String, dynamic: Bool) -> String? {
        guard dynamic else { return name }
        let path = name.split(separator: ".").map(String.init)
        let keys = path.map(TemplateKey.init)
        guard case .text(let resolved)? = keys.withUnsafeBufferPointer({ find($0, anchored: false)?.pointee }) else { return nil }
        return resolved
    }

    /// The keys of a variable or section op's name.
    @inline(__always)
    private func keys(of op: MustacheOp, in code: Code) -> UnsafeBufferPointer<TemplateKey> {
        UnsafeBufferPointer(rebasing: code.keys[Int(op.start)..<Int(op.start + op.count)])
    }

    /// The value of a variable or section op's name with transforms.
    private func transformed(_ op: MustacheOp, in code: Code) -> TemplateValue? {
        transformed(find(keys(of: op, in: code), anchored: op.anchored)?.pointee, by: code.program.names[Int(op.detail)].transforms)
    }

    /// Finds the first frame (top down) holding the first key (only the top frame when
    /// `anchored`), then follows the rest; no keys is `.`, the top frame.
    private func find(_ keys: UnsafeBufferPointer<TemplateKey>, anchored: Bool) -> UnsafePointer<TemplateValue>? {
        guard let head = keys.first else {
            if !recordings.isEmpty { note(nil, anchored: false, stack.last, at: stack.count - 1) }
            return stack.last
        }
        var found = first(head, anchored: anchored)
        for key in keys.dropFirst() {
            guard let value = found else { return nil }
            found = Self.child(key, of: value)
        }
        return found
    }

    /// Where the value of `key` sits when `frame` is an object that has it.
    @inline(__always)
    private static func child(_ key: TemplateKey, of frame: UnsafePointer<TemplateValue>) -> UnsafePointer<TemplateValue>? {
        guard case .object(let object) = frame.pointee else { return nil }
        return object.valuePointer(key)
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
    private func first(_ key: TemplateKey, anchored: Bool) -> UnsafePointer<TemplateValue>? {
        if anchored {
            let found = stack.last.flatMap { Self.child(key, of: $0) }
            if !recordings.isEmpty { note(key, anchored: true, found, at: stack.count - 1) }
            return found
        }
        var index = stack.count - 1
        while index >= 0 {
            if let found = Self.child(key, of: stack[index]) {
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
