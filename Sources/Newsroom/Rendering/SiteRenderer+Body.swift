extension SiteRenderer {
    /// The body of the item at `position` written for its page at `file`: the one `serve` kept
    /// when nothing it is made from changed, else parsed and written now (and kept when `serve`
    /// keeps bodies). Nil when its file cannot be read again (the error is logged).
    func itemBody(_ position: Int, file: String, log: inout DiagnosticLog) -> RenderedBody? {
        let item = plan.items[position]
        let key = renderedBodies == nil ? nil : keys.map { keys in
            keys.body(file: file, contentHash: item.contentHash, linked: linkedContentHashes(item.fragmentLinkPaths, sourcePath: item.sourcePath))
        }
        if let key, let kept = renderedBodies?.body(for: file, key: key) {
            log.add(contentsOf: kept.warnings)
            return kept.body
        }
        guard let parsed = source.bodies.parsed(item.sourcePath, contentHash: item.contentHash, log: &log) else { return nil }
        var local = DiagnosticLog()
        let body = content.render(parsed, sourcePath: item.sourcePath, firstLine: item.bodyFirstLine, pageFile: file, log: &local)
        if let key, !local.hasErrors { renderedBodies?.keep(body, warnings: local.diagnostics, for: file, key: key) }
        log.add(contentsOf: local.diagnostics)
        return body
    }
}
