import Testing
@testable import Newsroom

/// A site loaded and planned as a build does it, stopped before rendering: for tests that look
/// at the renderer, its keys or its views.
struct PlannedSite {
    var run: BuildRun
    var inputs: BuildRun.Inputs
    var renderer: SiteRenderer

    /// `digest`: whether the inputs get the build's digest, as a build that may keep the whole
    /// output does.
    init(_ options: GenerateOptions, digest: Bool = false) throws {
        var run = BuildRun(options: options, engine: .builtIn)
        let loaded = run.load(reusing: nil)
        let source = try #require(loaded)
        let inputs = run.inputs(of: source, digest: digest)
        let planned = run.plan(source, inputs: inputs)
        renderer = try #require(planned, "\(run.finished().diagnostics)")
        self.run = run
        self.inputs = inputs
    }
}
