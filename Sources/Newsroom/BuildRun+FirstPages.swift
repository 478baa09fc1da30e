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
        renderer.firstPass = SiteRenderer.FirstPass(paths: first.paths, worthFrom: options.secondPassFrom)
        renderer.keepEachAsBefore = { session.keepEachAsBefore($0) }
        defer {
            renderer.firstPass = nil
            renderer.keepEachAsBefore = nil
        }
        let stagesBefore = result.stageTimes.count
        guard try render(&renderer, into: session, inputs: inputs) else { return nil }
        let later = renderer.deferredPages
        guard !later.isEmpty else { return session }
        var partial = inputs
        partial.digest = nil
        try commit(session, renderer: renderer, source: source, inputs: partial)
        live.leave(session, in: writer.folder, saved: false)
        var sofar = result
        sofar.pagesToFollow = later
        first.committed(sofar)
        live.laterWrites.run()
        try live.saveState()
        clock.lap("state", into: &result)
        for index in result.stageTimes.indices.dropFirst(stagesBefore) { result.stageTimes[index].stage = "first " + result.stageTimes[index].stage }
        renderer.firstPass = nil
        renderer.keepEachAsBefore = nil
        // Nothing but this build wrote the output since the state just saved was recorded.
        var next = writer
        next.reportedChanges = []
        let previous = live.state ?? IncrementalState.read(in: writer.folder)
        live.state = nil
        let second = try next.begin(previous: previous)
        return try render(&renderer, into: second, inputs: inputs) ? second : nil
    }
}
