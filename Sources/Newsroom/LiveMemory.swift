import Foundation

/// What `serve` keeps between rebuilds (see `LiveSite`).
struct LiveMemory {
    /// The state the last build left (nil: read it from the output folder).
    var state: IncrementalState?
    /// The site as last loaded.
    var site: LoadedSite?
    /// The last build's session while its state is not saved: `LiveSite` saves it once the
    /// pages were told to reload, and the session holds the output's lock until then.
    var unsaved: OutputSession?
    /// The paths (relative) reported changed in the output folder since the build that left
    /// `state` began checking its files; nil when not known (every kept file is looked at).
    var outputChanges: Set<String>?
    /// What the last build planned, when it rendered: a body edit starts from it.
    var rendered: KeptRender?
    /// What a rebuild after an item edit replaced (the plan and the parsed bodies before it),
    /// let go only once the pages were told to reload: freeing thousands of objects takes a while.
    var replaced: (render: KeptRender?, bodies: BodyStore?)
    /// The cache writes a build put off until its pages were told to reload.
    let laterWrites = LaterWrites()
    /// The item bodies as last rendered, for pages rendered again for their layout.
    let renderedBodies = RenderedBodies()

    /// Keeps what a committed session leaves: its state, or the session itself while the state
    /// is still to be saved.
    mutating func leave(_ session: OutputSession, in folder: URL, saved: Bool) {
        if saved {
            state = session.ledger.state.kept(asWrittenIn: folder)
        } else {
            unsaved = session
        }
    }

    /// Saves the state the last build left unsaved, and keeps it for the next build; after a
    /// failure the next build reads the state in the folder, the previous build's.
    mutating func saveState() throws {
        guard let session = unsaved else { return }
        unsaved = nil
        try session.saveState()
        state = session.ledger.state.kept(asWrittenIn: session.folder)
    }
}

/// What a build planned, as `serve` keeps it for the next rebuild (see `BodyEdit`).
struct KeptRender {
    var renderer: SiteRenderer
    /// The warnings planning reported.
    var planWarnings: [Diagnostic]
    /// The epoch of the plan's link map (see `MappingEpoch`).
    var mapping: MappingEpoch
    /// The pages, feeds and pages of each kind the build made: a body edit makes the same files.
    var counts: FileCounter.Counts
}
