import Foundation

/// What every stored key of a build depends on, hashed the same way wherever it counts: the
/// generator, the theme's layouts, partials and icons, and `site.yml`.
extension KeyHasher {
    /// - Parameter templates: false for the render keys, which hold each page's own layout's
    ///   templates instead (see `TemplateUses`).
    mutating func combine(inputsOf source: SiteSource, templates: Bool = true) {
        if let binary = GeneratorIdentity.status {
            combine(binary.size)
            combine(UInt64(binary.modified * 1_000_000))
        }
        combine(source.theme.name)
        for template in source.theme.templates where templates {
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
