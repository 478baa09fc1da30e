import Synchronization

/// What `ContentLinks.resolve` gave for each destination that names the same file whatever
/// source it is written in (a root-relative path, a URL), for the bodies that follow: a site's
/// bodies link to the same pages, images and addresses over and over, and a resolution looks a
/// path up in the output index by several spellings.
///
/// A destination relative to its source (`../x.md`, `hero.jpg`) is resolved each time. Past
/// `capacity` destinations no more are kept, so a site whose every body links somewhere new
/// holds no more than that.
final class ResolvedLinks: Sendable {
    private struct Key: Hashable {
        var destination: String
        var isImage: Bool
    }

    static let capacity = 4_096

    private let outcomes = Mutex<[Key: ContentLinks.Outcome]>([:])

    /// The outcome kept for `destination`, or `resolve()`'s, kept when there is room.
    func outcome(_ destination: String, isImage: Bool, resolve: () -> ContentLinks.Outcome) -> ContentLinks.Outcome {
        let key = Key(destination: destination, isImage: isImage)
        if let kept = outcomes.withLock({ $0[key] }) { return kept }
        let outcome = resolve()
        outcomes.withLock { outcomes in
            if outcomes.count < Self.capacity { outcomes[key] = outcome }
        }
        return outcome
    }

    /// Whether `destination` names the same file from every source: it starts with `/` or `#`
    /// (as characters, as `resolve` reads them: a slash that a combining mark follows is not
    /// one), or with a scheme the links of bodies use. Others may still (`mailto:` in capitals);
    /// they are only resolved each time.
    static func isSourceIndependent(_ destination: String) -> Bool {
        destination.hasPrefix("/") || destination.hasPrefix("#")
            || destination.hasPrefix("https://") || destination.hasPrefix("http://") || destination.hasPrefix("mailto:")
    }
}
