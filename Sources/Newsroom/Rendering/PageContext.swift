import NewsroomMustache

/// A page's view model as the layout reads it: the keys of the page's own, over frames it
/// shares with other pages (the site's keys, and the links of every page at its place).
///
/// The shared frames are made once and looked through, not copied: copying them into each
/// page's object retained every value they hold, on both render threads at once.
struct PageContext {
    /// The frames under the page's own keys, innermost last; the same for every page at one place.
    var shared: [TemplateValue]
    var own: TemplateObject

    /// Sets a key of the page's own (nil removes it there): it hides the same key in `shared`.
    subscript<Value: TemplateRepresentable>(key: TemplateKey) -> Value? {
        get { own[key] }
        set { own[key] = newValue }
    }

    /// The value a layout finds for `key`: the page's own, else the innermost shared frame's.
    func value(_ key: TemplateKey) -> TemplateValue? {
        if let value = own.value(key) { return value }
        for case .object(let frame) in shared.reversed() {
            if let value = frame.value(key) { return value }
        }
        return nil
    }

    /// `bottom`, then every frame, innermost last: the context stack a layout renders with.
    func frames(over bottom: TemplateValue) -> [TemplateValue] {
        var frames = [bottom]
        frames.reserveCapacity(shared.count + 2)
        frames += shared
        frames.append(.object(own))
        return frames
    }

    /// The frames as one object, inner keys over outer ones: for an engine that takes one.
    var merged: TemplateObject {
        var merged = TemplateObject()
        for case .object(let frame) in shared { merged.set(contentsOf: frame) }
        merged.set(contentsOf: own)
        return merged
    }
}
