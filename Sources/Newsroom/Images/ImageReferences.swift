import Foundation

/// Where the content refers to images: an image that cannot be published is reported at each
/// place that shows it (a hero's `image:` line, a Markdown image or link), or at the file itself
/// when nothing refers to it.
struct ImageReferences {
    var plan: SitePlan
    var source: SiteSource

    func report(_ problems: [(output: String, shown: String, message: String)], log: inout DiagnosticLog) {
        let wanted = Set(problems.map(\.output))
        let links = ContentLinks(index: plan.index, linker: Linker(baseURL: source.config.baseURL, cleanURLs: source.config.cleanURLs))
        var places: [String: [SourceLocation]] = [:]
        func note(_ destination: String, from sourcePath: String, at location: @autoclosure () -> SourceLocation) {
            guard case .target(let file, _) = links.resolve(destination, isImage: true, sourcePath: sourcePath), wanted.contains(file) else { return }
            places[file, default: []].append(location())
        }
        var ignored = DiagnosticLog()
        for item in plan.items {
            if let image = item.image { note(image.src, from: item.sourcePath, at: image.location) }
            for reference in source.bodies.parsed(item.sourcePath, contentHash: item.contentHash, log: &ignored)?.references ?? [] {
                note(reference.destination, from: item.sourcePath, at: source.folder.location(item.sourcePath, line: item.bodyFirstLine + reference.line - 1, column: reference.column))
            }
        }
        for page in plan.pages {
            for reference in source.bodies.parsed(page.sourcePath, contentHash: page.contentHash, log: &ignored)?.references ?? [] {
                note(reference.destination, from: page.sourcePath, at: source.folder.location(page.sourcePath, line: page.bodyFirstLine + reference.line - 1, column: reference.column))
            }
        }
        for problem in problems {
            let message = "image '\(problem.shown)' cannot be published: \(problem.message)"
            let locations = places[problem.output] ?? []
            if locations.isEmpty {
                log.add(.error(message, at: SourceLocation(path: problem.shown, line: 1, column: 1)))
            }
            for location in locations { log.add(.error(message, at: location)) }
        }
    }
}
