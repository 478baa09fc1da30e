import FlyingFox
import Foundation
import Newsroom
import Synchronization

/// `generate serve`: builds the site, serves the output folder on loopback, rebuilds when
/// `site/` or `themes/` change, and tells open pages to reload. A failed rebuild keeps the
/// last good output and shows its errors in the page and on the terminal.
// Unchecked: the status is behind `signal`'s lock; `verbose` is set before `start`; `server`,
// `tasks` and `watcher` are set before `start` returns and only read by `stop` after.
public final class PreviewServer: @unchecked Sendable {
    public struct Status: Sendable, Equatable {
        /// Increases after every build, good or bad.
        public var build: Int
        /// The last build's errors, or nil when it succeeded.
        public var error: String?
    }

    private let options: GenerateOptions
    private let host: String
    private let requestedPort: UInt16
    private let report: @Sendable (String) -> Void
    private let signal = BuildSignal()
    private let pending = PendingPages()
    private var server: HTTPServer?
    private var tasks: [Task<Void, Never>] = []
    private var watcher: ChangeWatcher?
    private let files: StaticFiles
    private let site: LiveSite
    private let scheduled = ScheduledRebuild()
    /// Adds the time per stage to each rebuild's line.
    public var verbose = false

    /// `clock` gives the time each rebuild publishes at (see `LiveSite`).
    public init(options: GenerateOptions, host: String = "127.0.0.1", port: UInt16, clock: @escaping @Sendable () -> Date = { Date() }, report: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.host = host
        self.requestedPort = port
        self.report = report
        self.files = StaticFiles(root: options.output)
        self.site = LiveSite(options: options, clock: clock)
    }

    public var currentStatus: Status { signal.status }

    /// Builds once, starts listening and watching; returns the port it listens on.
    public func start() async throws -> UInt16 {
        // Watching starts before the first build reads the site: a rebuild reads again only the
        // item files reported changed, so no change after that read may go unreported.
        watcher = ChangeWatcher(folders: [options.site.url, options.themes.url])
        rebuild(reason: "first build")
        let server = HTTPServer(address: try .inet(ip4: host, port: requestedPort), timeout: 60, logger: .disabled)
        await server.appendRoute("GET,HEAD /__newsroom/wait") { [self] request in
            let known = Int(request.query.first { $0.name == "build" }?.value ?? "") ?? -1
            var page: String?
            if let shown = request.query.first(where: { $0.name == "page" })?.value, case .file(let file) = files.target(of: shown) { page = file }
            // Answered the moment a build finishes, or after 25 s with the same build.
            return LiveReload.statusResponse(await signal.wait(after: known, seconds: 25, page: page))
        }
        await server.appendRoute("GET,HEAD *") { [self] request in
            // The raw target keeps a trailing slash (FlyingFox's `path` drops it).
            let raw = request.target.rawValue.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
            // A page still to be put in place by the rebuild under way is served once it is.
            switch files.target(of: raw) {
            case .file(let file): await pending.ready(file)
            case .missing: await pending.ready(StaticFiles.notFoundPage)
            case .folder, .refused: break
            }
            return files.response(for: raw, status: currentStatus)
        }
        self.server = server
        tasks.append(Task { try? await server.run() })
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw ServerError("the server did not start listening")
        }
        startWatching()
        return port
    }

    public func stop() async {
        scheduled.cancel()
        watcher?.stop()
        for task in tasks { task.cancel() }
        await server?.stop(timeout: 1)
    }

    /// Builds into the output folder; on failure the previous output stays and the error is kept
    /// for the pages to show. `changed` lists the paths changed since the last build, when known.
    @discardableResult
    public func rebuild(reason: String, changed: Set<String>? = nil) -> Bool {
        let started = Date()
        var seconds = 0.0
        var signalled: String?
        var first: (seconds: Double, following: Int)?
        // The pages reload as soon as the output is in place (the open pages, when they went
        // first); the state is saved after. Pages still to follow are held back until they are
        // in place, and the pages reload again only if that fails.
        let result = site.rebuild(changed: changed, openPages: signal.openPages) { result in
            if let following = result.pagesToFollow {
                pending.hold(following)
                first = (Date().timeIntervalSince(started), following.count)
            } else {
                pending.release()
                seconds = Date().timeIntervalSince(started)
                signalled = Self.errors(of: result)
                if first != nil, signalled == nil { return }
            }
            signal.finished(error: Self.errors(of: result))
        }
        // With `--now` the clock stands still: nothing changes by it.
        let later = Self.reason(for: result)
        scheduled.arm(at: options.nowText == nil ? result.nextChange : nil) { [weak self] in self?.rebuild(reason: later, changed: []) }
        if let error = Self.errors(of: result) {
            if signalled == nil {
                report("\(reason): the output is in place, but the next build starts over: \(error)")
            } else {
                report("\(reason): build failed; the last good output is still served\n\(error)")
            }
        } else {
            var line = String(format: "%@: %d pages in %.2f s (%d written)", reason, result.pageCount, seconds, result.report.written)
            if let first { line += String(format: ", the open pages in %.2f s (%d followed)", first.seconds, first.following) }
            if verbose {
                line += " [" + result.stageTimes.map { String(format: "%@ %.0f ms", $0.stage, $0.seconds * 1000) }.joined(separator: ", ") + "]"
            }
            report(line)
        }
        return result.succeeded
    }

    /// What the rebuild at `result.nextChange` is for, as reported.
    private static func reason(for result: BuildResult) -> String {
        if let next = result.nextScheduled, next.date.instant == result.nextChange { return "\(next.path) goes live" }
        return "scheduled change"
    }

    /// The errors that make a build failed, or nil.
    private static func errors(of result: BuildResult) -> String? {
        result.succeeded ? nil : (result.diagnostics.filter { $0.severity == .error }.map(\.description) + [result.outputError].compactMap { $0 }).joined(separator: "\n")
    }

    /// Rebuilds as soon as the kernel reports a change below the site or themes folder, on a
    /// thread of its own; polls where it cannot.
    private func startWatching() {
        guard let watcher else {
            tasks.append(Task { [self] in await poll() })
            return
        }
        let thread = Thread { [self] in
            let roots = [options.site.url.path, options.themes.url.path]
            while let reported = watcher.next() {
                // A save by rename first writes a hidden temporary file: a build for it alone
                // would change nothing, and count as one more build.
                let changed = HiddenChanges.visible(reported, roots: roots)
                if changed.isEmpty { continue }
                rebuild(reason: changed.count == 1 ? "changed \((changed.first! as NSString).lastPathComponent)" : "\(changed.count) changes", changed: changed)
            }
        }
        thread.name = "newsroom-watch"
        thread.start()
    }

    private func poll() async {
        var last = SourceFingerprint.of([options.site.url, options.themes.url])
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 300_000_000)
            let now = SourceFingerprint.of([options.site.url, options.themes.url])
            if now != last {
                last = now
                rebuild(reason: "change")
            }
        }
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A cheap summary of a folder tree (paths, sizes, modification times) to notice edits.
enum SourceFingerprint {
    static func of(_ folders: [URL]) -> Int {
        var hasher = Hasher()
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey]) else { continue }
            for case let url as URL in enumerator {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                hasher.combine(url.path)
                hasher.combine(values?.fileSize)
                hasher.combine(values?.contentModificationDate)
            }
        }
        return hasher.finalize()
    }
}
