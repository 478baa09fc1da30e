import Foundation

/// The build, one named step after another: load → reuse? → plan → render → commit. Each step
/// is a method of `BuildRun`; the incremental state the last build left decides whether the
/// whole output is reused and which pages are kept as they are.
public enum Generator {
    public static func build(_ options: GenerateOptions) -> BuildResult {
        var live = LiveMemory(state: nil)
        let result = build(options, engine: .builtIn, live: &live, changedItems: nil, serving: false)
        BackgroundWork.release(consume live)
        return result
    }

    /// The build with a chosen template engine (tests compare ours with swift-mustache).
    static func build(_ options: GenerateOptions, engine: TemplateSet.Engine) -> BuildResult {
        var memory: IncrementalState?
        return build(options, engine: engine, memory: &memory)
    }

    /// The build, starting from the state in `memory` instead of reading it from the output
    /// folder when there is one, and leaving the state it wrote there (nil after a failure, so
    /// the next build reads the folder).
    static func build(_ options: GenerateOptions, engine: TemplateSet.Engine, memory: inout IncrementalState?) -> BuildResult {
        var live = LiveMemory(state: memory)
        memory = nil
        let result = build(options, engine: engine, live: &live, changedItems: nil, serving: false)
        memory = live.state
        return result
    }

    /// The build `serve` runs: as `build(_:engine:memory:)` with what `live` kept from the last
    /// build, reading again only the item files in `changedItems` when it is given (all of the
    /// site otherwise). Leaves in `live` the site as loaded now (nil when it could not be) and,
    /// when `serving`, the plan it rendered and the session whose state is still to be saved
    /// (`live.state` is then nil until it is).
    /// With `first`, the pages it names are put in place before the others when many render
    /// again (see `FirstPages`).
    static func build(_ options: GenerateOptions, engine: TemplateSet.Engine, live: inout LiveMemory, changedItems: Set<String>?, serving: Bool, first: FirstPages? = nil) -> BuildResult {
        var run = BuildRun(options: options, engine: engine)
        if serving {
            run.laterWrites = live.laterWrites
            run.renderedBodies = live.renderedBodies
        }
        var remembered = live.state, kept = live.site
        var planned = live.rendered
        live.state = nil
        live.site = nil
        live.rendered = nil
        do {
            var writer = try run.checkedOutput()
            writer.defersState = serving
            // What was reported changed in the output is relative to the state kept in memory.
            writer.reportedChanges = remembered == nil ? nil : live.outputChanges
            var previous = remembered ?? IncrementalState.read(in: writer.folder)
            remembered = nil
            var reloaded: Set<String>?
            if let changedItems, kept != nil {
                // The kept site is changed in place; the state's hold on its item records would
                // make that a copy of every record.
                previous.items = ItemCache()
                // Let go once the pages reload (a whole read lets go of them before it).
                if serving { live.replaced = (planned, kept!.source.bodies) }
                run.reload(&kept!, changed: changedItems)
                live.site = kept
                reloaded = changedItems
            } else {
                kept = nil
                planned = nil
                live.site = run.read(reusing: previous)
                // Only a reload reads the news folder's list again, and only `serve` reloads:
                // at 100,000 items the list is memory the render could use.
                if !serving { live.site?.sources = [] }
            }
            kept = nil
            guard let source = live.site?.source else { return run.finished() }
            let inputs = run.inputs(of: source)
            var session: OutputSession?
            if previous.wasMade(from: inputs.digest) {
                let opened = try writer.begin(previous: previous)
                if try run.reuseWholeOutput(opened, source: source, inputs: inputs) {
                    live.leave(opened, in: writer.folder, saved: !serving)
                    // Made from the same inputs as the output it kept.
                    live.rendered = planned
                    return run.result
                }
                session = opened
            }
            // After an edit of item bodies alone, the last plan with those items put in.
            let edit = reloaded.flatMap { changed in planned.flatMap { inputs.digest == nil ? nil : BodyEdit(changed: changed, plan: $0.renderer.plan, source: source, publication: inputs.publication) } }
            // Unless what changed in the output is known, its files are checked while planning.
            let check = session == nil && writer.reportedChanges == nil ? OutputCheck(state: previous, folder: writer.folder, fileSystem: writer.fileSystem) : nil
            guard var renderer = edit.map({ run.replan(planned!, edit: $0, source: source, inputs: inputs) }) ?? run.plan(source, inputs: inputs) else {
                session?.abort()
                return run.finished()
            }
            if let check { writer.reportedChanges = check.changedFiles() }
            // `serve` keeps what the body edits that follow this plan can reuse.
            if serving, edit == nil { renderer.keepSearchDocuments() }
            guard let opened = try run.render(&renderer, into: session ?? writer.begin(previous: previous), inputs: inputs, first: first, live: &live, writer: writer, source: source) else {
                return run.result
            }
            try run.commit(opened, renderer: renderer, source: source, inputs: inputs)
            live.leave(opened, in: writer.folder, saved: !serving)
            if serving { live.rendered = KeptRender(renderer: renderer.kept, planWarnings: run.planWarnings, mapping: run.mapping, counts: FileCounter.Counts(of: run.result)) }
            // The plan and the last build's manifest are let go of on another thread.
            let leftovers = (consume renderer, previous, opened)
            previous = IncrementalState()
            BackgroundWork.release(leftovers)
            return run.result
        } catch {
            run.result.outputError = "\(error)"
            return run.result
        }
    }

    /// Everything a build does except writing: the pages in memory, with the diagnostics.
    static func renderInMemory(_ options: GenerateOptions) -> (BuildResult, [OutputFile]) {
        var run = BuildRun(options: options, engine: .builtIn)
        run.writesImageCache = false
        guard let source = run.load(reusing: nil), var renderer = run.plan(source, inputs: run.inputs(of: source, digest: false)) else {
            return (run.finished(), [])
        }
        let files = run.renderInMemory(&renderer)
        return (run.result, files)
    }
}

/// Wall time per stage, for `--verbose`.
struct StageClock {
    private var last = Date()

    mutating func lap(_ stage: String, into result: inout BuildResult) {
        let now = Date()
        result.stageTimes.append((stage, now.timeIntervalSince(last)))
        last = now
    }
}
