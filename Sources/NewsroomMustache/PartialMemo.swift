import Synchronization

/// What a partial rendered, kept with the values it read from outside itself, so a later call
/// that finds the same values there writes the same bytes without rendering again.
///
/// A page's chrome (its header, banner, footer) reads only values every page shares, or shares
/// with the pages as deep as it: those calls become copies. A partial whose output depended on
/// something not compared here is never kept: a `TemplateLink` (written for each page), a lambda
/// not declared pure, a block or parent tag (they read the overrides in force). A partial that
/// keeps missing (it reads the page's own values) stops being recorded.
final class PartialMemo: Sendable {
    /// One outside read: `key` (nil for `.`), whether it looked only at the top frame, and what
    /// it found (nil: nothing).
    struct Read: Sendable {
        var key: TemplateKey?
        var anchored: Bool
        var value: TemplateValue?
    }

    struct Entry: Sendable {
        var reads: [Read]
        var bytes: [UInt8]
    }

    private struct State {
        var entries: [Entry] = []
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())

    static let maximumEntries = 16
    static let missesBeforeGivingUp = 32

    /// What a call tries, read in one lock: the entries kept, and whether one was ever hit.
    struct Snapshot {
        var entries: [Entry]
        var hasHit: Bool
    }

    /// The entries to try, or nil once calls are no longer worth recording.
    var snapshot: Snapshot? {
        state.withLock { state in
            state.hits > 0 || state.misses < Self.missesBeforeGivingUp ? Snapshot(entries: state.entries, hasHit: state.hits > 0) : nil
        }
    }

    /// Notes a hit; only the first matters (it keeps the memo active), so a caller whose
    /// snapshot had one already need not call.
    func hit() {
        state.withLock { $0.hits += 1 }
    }

    func miss(adding entry: Entry?) {
        state.withLock {
            $0.misses += 1
            if let entry, $0.entries.count < Self.maximumEntries { $0.entries.append(entry) }
        }
    }
}

/// One partial call being recorded: reads from frames below `base` are its inputs.
final class PartialRecording {
    let base: Int
    var reads: [PartialMemo.Read] = []
    var keepable = true

    init(base: Int) {
        self.base = base
    }

    func note(_ read: PartialMemo.Read) {
        if reads.contains(where: { $0.key == read.key && $0.anchored == read.anchored }) { return }
        reads.append(read)
    }
}

extension TemplateValue {
    /// Whether two values found by the same read make the same output: equal scalars, objects
    /// and lists whose parts render alike, the same pure lambda.
    ///
    /// Each side is matched on its own, and parts are read where they lie: a tuple of the two
    /// values, or an element read out of its array, is a copy, which retains what it holds (the
    /// values the pages rendering on other cores share).
    func rendersLike(_ other: TemplateValue) -> Bool {
        switch self {
        case .text(let a): if case .text(let b) = other { return a == b }
        case .bytes(let a): if case .bytes(let b) = other { return a == b }
        case .bool(let a): if case .bool(let b) = other { return a == b }
        case .number(let a): if case .number(let b) = other { return a == b }
        case .decimal(let a): if case .decimal(let b) = other { return a == b }
        case .null: if case .null = other { return true }
        case .object(let a):
            guard case .object(let b) = other, a.entries.count == b.entries.count else { return false }
            return a.entries.withUnsafeBufferPointer { a in
                b.entries.withUnsafeBufferPointer { b in
                    a.indices.allSatisfy { a[$0].key.id == b[$0].key.id && a[$0].value.rendersLike(b[$0].value) }
                }
            }
        case .list(let a):
            guard case .list(let b) = other, a.count == b.count else { return false }
            return a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in a.indices.allSatisfy { a[$0].rendersLike(b[$0]) } }
            }
        case .lambda(let a): if case .lambda(let b) = other { return a.memoIdentity != nil && a.memoIdentity == b.memoIdentity }
        case .link: break
        }
        return false
    }
}
