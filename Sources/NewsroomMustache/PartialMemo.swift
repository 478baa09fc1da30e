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
        /// Whether the read found a value, and the value (`.null` when it found none): not an
        /// optional, so a call compares with it where it lies (see `rendersLike`).
        var found: Bool
        var value: TemplateValue

        init(key: TemplateKey?, anchored: Bool, value: TemplateValue?) {
            self.key = key
            self.anchored = anchored
            found = value != nil
            self.value = value ?? .null
        }
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
    /// Whether the values at `a` and `b`, found by the same read, make the same output: equal
    /// scalars, objects and lists whose parts render alike, the same pure lambda.
    ///
    /// Both are read where they lie, their parts too: a copy of a value retains what it holds,
    /// which the pages rendering on the other cores share. Objects and lists in the same storage
    /// are alike without a look inside: a memo entry holds what it read, so that storage has not
    /// been freed and reused, and shared storage is never changed in place. The frames pages
    /// share (see the generator's `PageContext`) are then compared at once.
    static func rendersLike(_ a: UnsafePointer<TemplateValue>, _ b: UnsafePointer<TemplateValue>) -> Bool {
        switch a.pointee {
        case .text(let x): if case .text(let y) = b.pointee { return x == y }
        case .bytes(let x): if case .bytes(let y) = b.pointee { return x == y }
        case .bool(let x): if case .bool(let y) = b.pointee { return x == y }
        case .number(let x): if case .number(let y) = b.pointee { return x == y }
        case .decimal(let x): if case .decimal(let y) = b.pointee { return x == y }
        case .null: if case .null = b.pointee { return true }
        case .object:
            let x = entries(a), y = entries(b)
            guard case .object = b.pointee, x.count == y.count else { return false }
            guard x.baseAddress != y.baseAddress, let first = x.baseAddress, let second = y.baseAddress else { return true }
            return x.indices.allSatisfy { index in
                (first + index).pointee.key.id == (second + index).pointee.key.id
                    && rendersLike((first + index).pointer(to: \.value)!, (second + index).pointer(to: \.value)!)
            }
        case .list:
            let x = elements(a), y = elements(b)
            guard case .list = b.pointee, x.count == y.count else { return false }
            guard x.baseAddress != y.baseAddress, let first = x.baseAddress, let second = y.baseAddress else { return true }
            return x.indices.allSatisfy { rendersLike(first + $0, second + $0) }
        case .lambda(let x): if case .lambda(let y) = b.pointee { return x.memoIdentity != nil && x.memoIdentity == y.memoIdentity }
        case .link: break
        }
        return false
    }

    /// A `.list` value's elements where its array keeps them (empty for any other value): for
    /// reading them while the value's holder keeps it unchanged.
    @inline(__always)
    static func elements(_ value: UnsafePointer<TemplateValue>) -> UnsafeBufferPointer<TemplateValue> {
        guard case .list(let elements) = value.pointee else { return UnsafeBufferPointer(start: nil, count: 0) }
        return elements.withUnsafeBufferPointer { $0 }
    }

    /// An `.object` value's entries where its storage keeps them (empty for any other value).
    @inline(__always)
    static func entries(_ value: UnsafePointer<TemplateValue>) -> UnsafeBufferPointer<TemplateEntry> {
        guard case .object(let object) = value.pointee else { return UnsafeBufferPointer(start: nil, count: 0) }
        return object.entries.withUnsafeBufferPointer { $0 }
    }
}
