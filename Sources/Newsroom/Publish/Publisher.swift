import Foundation

/// `generate publish DEST`, as a table of contents: lock, read what the build left and what the
/// destination holds, upload pages, then feeds and sitemaps, then delete, then ping the hub;
/// the record is saved after each step the tool finished, so a failure records nothing it did
/// not see through and the next run picks up where this one stopped.
public enum Publisher {
    public static func publish(_ options: PublishOptions) throws -> PublishResult {
        let fileSystem = options.fileSystem
        let location = PublishRecord.Location(output: options.output, destination: options.destination)
        let outputPath = options.output.standardizedFileURL.path
        if options.destination.isLocal, (options.destination.target + "/").hasPrefix(outputPath + "/") {
            throw PublishError("the destination \(options.destination.written) is inside the output folder \(outputPath): publish to a folder outside it")
        }
        let config = try PublishSite.read(options)
        let destinationLock = try PublishLocks.takeDestination(location, destination: options.destination, fileSystem: fileSystem)
        defer { withExtendedLifetime(destinationLock) {} }
        let outputLock = try PublishLocks.takeOutput(options.output, fileSystem: fileSystem)
        defer { withExtendedLifetime(outputLock) {} }

        let manifest = try BuiltOutput.manifest(of: options.output, fileSystem: fileSystem)
        var record = try PublishRecord.read(at: location.record, fileSystem: fileSystem)
        let changes = ChangeSet(manifest: manifest, record: record) { fileSystem.read(options.output.appendingPathComponent($0).path) }
        try check(changes, maxDeletes: options.maxDeletes, destination: options.destination)

        var result = PublishResult()
        result.feedsAndSitemaps = changes.feedsAndSitemaps.count
        // Found before a dry run returns too, so a dry run also tells a missing tool.
        let transport = try Transport(destination: options.destination, environment: options.environment, listFolder: location.folder, fileSystem: fileSystem)
        guard !options.dryRun else {
            result.uploaded = (changes.pages + changes.feedsAndSitemaps).map(\.path)
            result.deleted = changes.deletions
            return result
        }
        func relay(_ lines: [String]) { lines.forEach { options.toolOutput?($0) } }
        func save() throws { try record.write(at: location.record, fileSystem: fileSystem) }

        relay(try transport.upload(changes.pages.map(\.path), from: options.output, step: "pages and assets"))
        for file in changes.pages { record.files[file.path] = file.hash }
        result.uploaded += changes.pages.map(\.path)
        if !changes.pages.isEmpty { try save() }

        let recorded = "the \(changes.pages.count) pages and assets before it are published and recorded; the next publish uploads the rest"
        do {
            relay(try transport.upload(changes.feedsAndSitemaps.map(\.path), from: options.output, step: "feeds and sitemaps"))
        } catch {
            throw PublishError("\(error)\n\(recorded)")
        }
        for file in changes.feedsAndSitemaps { record.files[file.path] = file.hash }
        result.uploaded += changes.feedsAndSitemaps.map(\.path)
        if config.hub != nil {
            for file in changes.feedsAndSitemaps where file.kind == .feed {
                let url = config.absoluteURL(of: file.path)
                if !record.pendingPings.contains(url) { record.pendingPings.append(url) }
            }
        }
        if !changes.feedsAndSitemaps.isEmpty { try save() }

        do {
            relay(try transport.delete(changes.deletions, output: options.output))
        } catch {
            throw PublishError("\(error)\nevery upload is published and recorded; the next publish deletes these files")
        }
        for path in changes.deletions { record.files[path] = nil }
        result.deleted = changes.deletions
        if !changes.deletions.isEmpty { try save() }
        if let problem = try transport.removeFolders(changes.vanishedFolders, output: options.output) {
            result.warnings.append("the files are deleted, but not every folder they leave empty: \(problem)")
        }

        if let hub = config.hub, !record.pendingPings.isEmpty {
            record.pendingPings = ping(hub, record.pendingPings, into: &result)
            try save()
        }
        return result
    }

    /// Pings the hub for each of `feeds`; returns those still to ping. A refused ping is a
    /// warning, not a failure: the files are published and recorded, hubs also poll, and the
    /// ping is kept and sent again by the next publish. A hub out of reach is asked nothing more
    /// this run, so a cron job does not wait out one timeout per feed.
    private static func ping(_ hub: String, _ feeds: [String], into result: inout PublishResult) -> [String] {
        var stillPending: [String] = []
        for (index, url) in feeds.enumerated() {
            switch HubPing.send(hub: hub, feedURL: url) {
            case .accepted:
                result.pinged.append(url)
            case .refused(let problem):
                stillPending.append(url)
                result.warnings.append("the WebSub hub \(hub) did not take the ping for \(url) (\(problem)); the next publish tries again")
            case .unreachable(let problem):
                stillPending += feeds[index...]
                result.warnings.append("the WebSub hub \(hub) cannot be reached (\(problem)); its \(feeds.count - index) ping\(feeds.count - index == 1 ? "" : "s") wait for the next publish")
                return stillPending
            }
        }
        return stillPending
    }

    /// Refuses, before anything moves, a deletion larger than the cap: that many files gone at
    /// once usually means the wrong output folder or a build that lost its content, and then
    /// its pages are as wrong as its deletions, so the destination keeps serving the whole old
    /// site rather than half a new one.
    private static func check(_ changes: ChangeSet, maxDeletes: Int, destination: PublishDestination) throws {
        if changes.deletions.count > maxDeletes {
            throw PublishError(
                "\(changes.deletions.count) files would be deleted from \(destination.written), more than --max-deletes \(maxDeletes); "
                    + "nothing was transferred (run with --max-deletes \(changes.deletions.count) if this is intended)")
        }
        let all = changes.pages.map(\.path) + changes.feedsAndSitemaps.map(\.path) + changes.deletions
        if let odd = all.first(where: { $0.contains("\n") || $0.contains("\r") }) {
            throw PublishError("cannot publish '\(odd)': rsync and rclone read file lists one name a line, and this name holds a line break")
        }
    }
}
