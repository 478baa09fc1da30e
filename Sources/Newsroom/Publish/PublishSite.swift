import Foundation

/// What a publish needs from `site.yml`: where the feeds live on the web, and the hub to tell.
struct PublishSite {
    var baseURL: String
    var hub: String?

    static func read(_ options: PublishOptions) throws -> PublishSite {
        var log = DiagnosticLog()
        guard let config = SiteConfigLoader.load(from: options.site, fileSystem: options.fileSystem, log: &log), !log.hasErrors else {
            let errors = log.diagnostics.filter { $0.severity == .error }.map(\.description)
            throw PublishError(errors.joined(separator: "\n"))
        }
        var baseURL = options.baseURL ?? config.baseURL
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        return PublishSite(baseURL: baseURL, hub: config.feed.hubs.first)
    }

    /// The address readers fetch `path` (relative to the output folder) from.
    func absoluteURL(of path: String) -> String {
        baseURL + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }
}
