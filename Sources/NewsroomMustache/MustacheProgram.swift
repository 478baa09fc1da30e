/// A template compiled for rendering: its node tree laid out flat. Literal text is a range of
/// one byte buffer, names are ranges of one key buffer, and a section's children are the
/// operations up to its `end`, so walking the template reads plain values with no reference
/// counting; what only partials, parents, blocks, lambdas and transforms need sits in side
/// tables, reached by an operation's `detail`.
package final class MustacheProgram: Sendable {
    let ops: [MustacheOp]
    let text: [UInt8]
    let keys: [TemplateKey]
    /// The names of variable and section tags, by `detail`: for transforms and lambdas.
    let names: [MustacheName]
    /// Each section's inner source as written (what a lambda is given; empty for variables), by `detail`.
    let sources: [String]
    let partials: [PartialCall]
    /// Each partial call's slot, by `detail`, apart from `partials`: the one thing a call
    /// reads once its partial is found.
    let slots: [TemplateSlot]
    /// `slots` unretained, for the renderer: each read of a slot shared by both render threads
    /// would otherwise write its count.
    let slotReferences: [Unmanaged<TemplateSlot>]
    let parents: [ParentCall]
    let blocks: [BlockSite]

    struct PartialCall: Sendable {
        var name: String
        var indentation: String
    }

    struct ParentCall: Sendable {
        var name: String
        var dynamic: Bool
        var indentation: String
        var overrides: [String: BlockOverride]
    }

    struct BlockSite: Sendable {
        var name: String
        var indentation: String
    }

    init(_ nodes: [MustacheNode]) {
        var builder = Builder()
        builder.add(nodes)
        ops = builder.ops
        text = builder.text
        keys = builder.keys
        names = builder.names
        sources = builder.sources
        partials = builder.partials
        slots = builder.slots
        slotReferences = builder.slots.map(Unmanaged.passUnretained)
        parents = builder.parents
        blocks = builder.blocks
    }

    private struct Builder {
        var ops: [MustacheOp] = []
        var text: [UInt8] = []
        var keys: [TemplateKey] = []
        var names: [MustacheName] = []
        var sources: [String] = []
        var partials: [PartialCall] = []
        var slots: [TemplateSlot] = []
        var parents: [ParentCall] = []
        var blocks: [BlockSite] = []

        mutating func add(_ nodes: [MustacheNode]) {
            for node in nodes { add(node) }
        }

        private mutating func add(_ node: MustacheNode) {
            switch node {
            case .text(let literal):
                ops.append(MustacheOp(kind: .text, start: Int32(text.count), count: Int32(literal.bytes.count)))
                text += literal.bytes
            case .variable(let name, let escaped, _):
                ops.append(named(.variable, name, flag: escaped))
            case .section(let name, let children, let inverted, let source, _):
                enclose(named(.section, name, flag: inverted, source: source), children)
            case .partial(let name, let dynamic, let indentation, let slot, _):
                var op = MustacheOp(kind: .partial, detail: Int32(partials.count))
                op.flag = dynamic
                ops.append(op)
                partials.append(PartialCall(name: name, indentation: indentation))
                slots.append(slot)
            case .parent(let name, let dynamic, let indentation, let overrides, _, _):
                ops.append(MustacheOp(kind: .parent, detail: Int32(parents.count)))
                parents.append(ParentCall(name: name, dynamic: dynamic, indentation: indentation, overrides: overrides))
            case .block(let name, let defaultNodes, let indentation):
                let op = MustacheOp(kind: .block, detail: Int32(blocks.count))
                blocks.append(BlockSite(name: name, indentation: indentation))
                enclose(op, defaultNodes)
            }
        }

        /// A variable or section op for `name`: its keys appended, its name and source kept at
        /// its `detail`.
        private mutating func named(_ kind: MustacheOp.Kind, _ name: MustacheName, flag: Bool, source: String = "") -> MustacheOp {
            var op = MustacheOp(kind: kind, start: Int32(keys.count), count: Int32(name.keys.count), detail: Int32(names.count))
            op.flag = flag
            op.anchored = name.anchored
            op.transformed = !name.transforms.isEmpty
            keys += name.keys
            names.append(name)
            sources.append(source)
            return op
        }

        /// Appends `op` and its children, then points its `end` past them.
        private mutating func enclose(_ op: MustacheOp, _ children: [MustacheNode]) {
            let index = ops.count
            ops.append(op)
            add(children)
            ops[index].end = Int32(ops.count)
        }
    }
}

/// One step of a compiled template: a plain value (no references), read in place.
struct MustacheOp {
    enum Kind: UInt8 {
        case text, variable, section, partial, parent, block
    }

    var kind: Kind
    /// Variables: escaped. Sections: inverted. Partials: dynamic (`{{>*name}}`).
    var flag = false
    /// The name looks only at the top frame (`.x`).
    var anchored = false
    /// The name has transforms (`empty(x)`), kept in the program's `names`.
    var transformed = false
    /// Text: the first byte in the program's `text`. Names: the first key in its `keys`.
    var start: Int32 = 0
    /// Text: its byte count. Names: their key count (0 for `.`).
    var count: Int32 = 0
    /// Sections and blocks: the index after their last child.
    var end: Int32 = 0
    /// The index in the side tables of its kind (`names` and `sources` for variables and
    /// sections, `partials` and `slots`, `parents`, `blocks`).
    var detail: Int32 = 0
}
