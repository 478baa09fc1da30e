import Foundation

/// The running `generate`: a new build of it must change every key and cache it left behind.
enum GeneratorIdentity {
    static let path: String = {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }()

    /// The binary's status, taken once per run; nil where it cannot be found.
    static let status: FileStatus? = FileStatus.of(path)
}

/// What every stored key of a build depends on, hashed the same way wherever it counts: the
/// generator, the theme's layouts, partials and icons, and `site.yml`.
extension KeyHasher {
    mutating func combine(inputsOf source: SiteSource) {
        if let binary = GeneratorIdentity.status {
            combine(binary.size)
            combine(UInt64(binary.modified * 1_000_000))
        }
        combine(source.theme.name)
        for template in source.theme.templates {
            combine(template.kind.rawValue + "/" + template.name + "/" + template.displayPath)
            combine(template.text)
        }
        for icon in source.theme.icons {
            combine(icon.name)
            combine(icon.text)
        }
        combine(source.config.fileHash)
    }
}
