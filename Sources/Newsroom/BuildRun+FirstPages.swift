import Foundation

/// The pages open in a browser while `serve` rebuilds: when a rebuild renders many pages again
/// (a theme edit), these are rendered and put in place first, the pages are told to reload, and
/// the rest follow in a second pass before the next rebuild begins.
struct FirstPages {
    /// Their paths in the output folder.
    var paths: Set<String>
    /// Called once they are in place, before the state is saved and the rest rendered, with
    /// the result so far: its `pagesToFollow` lists the pages the second pass puts in place.
    var committed: (BuildResult) -> Void
}

extension BuildRun {
    /// `render`, in two passes when `first` is given and enough other pages are to render
    /// again: the first puts `first`'s pages in place, keeping the others as they were, and is
    /// committed with a state that claims no inputs (so no later build takes that output as
    /// whole) and saved; then the second renders the rest into a new session. Returns the
    /// session the render ended in, to be committed; nil when a page had errors.
    mutating func render(_ renderer: inout SiteRenderer, into session: OutputSession, inputs: Inputs, first: FirstPages?, live: inout LiveMemory, writer: OutputWriter, source: SiteSource) throws -> OutputSession? {
        guard let first else { return try render(&renderer, into: session, inputs: inputs) ? session : nil }
        let stagesBefore = result.stageTimes.count
        guard let later = try renderFirst(&renderer, first.paths, into: session, inputs: inputs) else { return nil }
        guard !later.isEmpty else { return session }
        var partial = inputs
        partial.digest = nil
        try commit(session, renderer: renderer, source: source, inputs: partial)
        live.leave(session, in: writer.folder, saved: false)
        var firstResult = result
        firstResult.pagesToFollow = later
        first.committed(firstResult)
        live.laterWrites.run()
        try live.saveState()
        clock.lap("state", into: &result)
        for index in result.stageTimes.indices.dropFirst(stagesBefore) { result.stageTimes[index].stage = "first " + result.stageTimes[index].stage }
        // The files the state just saved lists are as it records them, but for changes made
        // since by hand, which the output watch reports to the next rebuild.
        var next = writer
        next.reportedChanges = []
        let previous = live.state ?? IncrementalState.read(in: writer.folder)
        live.state = nil
        let second = try next.begin(previous: previous)
        return try render(&renderer, into: second, inputs: inputs) ? second : nil
    }

    /// Renders into `session` the pages of `paths` among those whose keys changed, keeping the
    /// others as they were when there are enough of them; the pages kept for later (none when
    /// the render was whole), or nil when a page had errors.
    private mutating func renderFirst(_ renderer: inout SiteRenderer, _ paths: Set<String>, into session: OutputSession, inputs: Inputs) throws -> Set<String>? {
        renderer.firstPass = SiteRenderer.FirstPass(paths: paths, worthFrom: options.secondPassFrom)
        renderer.keepEachAsBefore = { session.keepEachAsBefore($0) }
        defer {
            renderer.firstPass = nil
            renderer.keepEachAsBefore = nil
        }
        guard try render(&renderer, into: session, inputs: inputs) else { return nil }
        return renderer.deferredPages
    }
}
