import Foundation
import NewsroomXML

/// `generate check`: a build without writing, then what a reviewer would trip over in the
/// pages: broken links and `#fragments`, images without alt text, headings out of order,
/// more or fewer than one `h1`, links without text, duplicate ids, a missing `lang`.
public enum SiteCheck {
    /// Diagnostics for content and pages. A problem with a link or image that a Markdown body
    /// wrote is located where the body wrote it (`file:line:col`); other page problems (the
    /// theme's) in the output page, shown under `outputName`. Redirect pages left for aliases
    /// have no content, so only their links are checked.
    public static func run(_ options: GenerateOptions, outputName: String) -> [Diagnostic] {
        let (result, files) = Generator.renderInMemory(options)
        var diagnostics = result.diagnostics
        guard result.succeeded else { return diagnostics }
        var pages: [(path: String, html: Data)] = []
        var paths = Set<String>()
        var bodyLinks: [String: [String: SourceLocation]] = [:]
        var bodyHeadings: [String: [String: SourceLocation]] = [:]
        for file in files {
            paths.insert(file.path)
            if !file.bodyLinks.isEmpty { bodyLinks[file.path] = file.bodyLinks.byKey(keepingFirst: true) }
            if !file.bodyHeadings.isEmpty { bodyHeadings[file.path] = file.bodyHeadings.byKey(keepingFirst: false) }
            if file.path.hasSuffix(".html"), case .data(let data) = file.content {
                pages.append((file.path, data))
            }
        }
        pages.sort { $0.path < $1.path }
        let audits = ParallelMap.run(pages.count) { index -> (String, HTMLAudit) in
            (pages[index].path, HTMLAudit.read(String(decoding: pages[index].html, as: UTF8.self)))
        }
        let byPath = Dictionary(uniqueKeysWithValues: audits)
        let base = outputName.hasSuffix("/") ? String(outputName.dropLast()) : outputName
        diagnostics += ParallelMap.run(audits.count) { index -> [Diagnostic] in
            let (path, audit) = audits[index]
            return problems(on: path, audit, shownAs: base.isEmpty ? path : base + "/" + path, files: paths, audits: byPath,
                            bodyLinks: bodyLinks[path] ?? [:], bodyHeadings: bodyHeadings[path] ?? [:])
        }.flatMap { $0 }
        diagnostics += ImageAudit.run(files: files, output: options.output, outputName: outputName, fileSystem: options.fileSystem)
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.sorted { ($0.path, $0.line, $0.message) < ($1.path, $1.line, $1.message) }
    }

    /// What is wrong on the page at `path`: its audit's findings (not for a redirect page) and
    /// its broken links, each located where a Markdown body wrote it when one did.
    private static func problems(on path: String, _ audit: HTMLAudit, shownAs shown: String, files: Set<String>, audits: [String: HTMLAudit],
                                 bodyLinks: [String: SourceLocation], bodyHeadings: [String: SourceLocation]) -> [Diagnostic] {
        func located(_ message: String, line: Int, url: String?, elementID: String? = nil) -> Diagnostic {
            if let url, let source = bodyLinks[url] { return .error(message, at: source) }
            if let elementID, let source = bodyHeadings[elementID] { return .error(message, at: source) }
            return Diagnostic(path: shown, line: line, message: message)
        }
        var found: [Diagnostic] = []
        if !audit.isRedirect {
            for finding in audit.findings {
                found.append(located(finding.message, line: finding.line, url: finding.url, elementID: finding.elementID))
            }
        }
        guard path != SitePlan.notFoundFile else { return found }
        for reference in audit.references {
            if let problem = brokenLink(reference.value, from: path, files: files, audits: audits) {
                found.append(located(problem, line: reference.line, url: reference.value))
            }
        }
        return found
    }

    /// Why `link` on the page at `page` leads nowhere, or nil when it works from disk.
    static func brokenLink(_ link: String, from page: String, files: Set<String>, audits: [String: HTMLAudit]) -> String? {
        if link.isEmpty { return "empty link" }
        if link.hasPrefix("//") || ContentLinks.scheme(of: link) != nil { return nil }
        if link.hasPrefix("/") { return "root-relative link '\(link)' does not work when the site is opened from disk" }
        let (pathPart, suffix) = ContentLinks.splitSuffix(link)
        // The id the fragment names, as the build checks it (text fragments name no id).
        let fragment = ContentRenderer.fragmentID(of: suffix)
        var target = page
        if !pathPart.isEmpty {
            let decoded = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
            guard var resolved = SitePath.resolve(decoded, from: FileSystem.parent(of: page)) else {
                return "link '\(link)' climbs out of the site"
            }
            if decoded.hasSuffix("/") || decoded == "." || resolved.isEmpty { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
            guard files.contains(resolved) || files.contains(resolved + "/index.html") else {
                return "link '\(link)' leads to a missing file (\(resolved))"
            }
            target = files.contains(resolved) ? resolved : resolved + "/index.html"
        }
        if let fragment, let audit = audits[target], !audit.ids.contains(fragment) {
            return "link '\(link)' points at '#\(fragment)', which \(target == page ? "this page" : target) does not have"
        }
        return nil
    }
}
