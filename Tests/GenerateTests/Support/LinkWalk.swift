import Foundation
import NewsroomXML

/// Follows every internal link and fragment of an output folder, as a reviewer's clicks would.
enum LinkWalk {
    /// Problems as `page: link` lines; empty when every link resolves to a file (and anchor).
    static func brokenLinks(in output: URL, cleanURLs: Bool = false) -> [String] {
        var problems: [String] = []
        var idsByFile: [String: Set<String>] = [:]
        let files = Fixtures.tree(at: output)
        func ids(_ path: String) -> Set<String> {
            if let known = idsByFile[path] { return known }
            let found = Set(files[path].map { HTMLAudit.read(String(decoding: $0, as: UTF8.self)).ids } ?? [])
            idsByFile[path] = found
            return found
        }
        for (page, data) in files where page.hasSuffix(".html") && page != "404.html" {
            let links = HTMLAudit.read(String(decoding: data, as: UTF8.self))
            for reference in links.references {
                let value = reference.value
                if value.isEmpty || value.contains(":") || value.hasPrefix("//") { continue }
                if value.hasPrefix("/") {
                    problems.append("\(page): root-relative link \(value) does not work from disk")
                    continue
                }
                let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0]).split(separator: "?").first.map(String.init) ?? ""
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                var target = page
                if !pathPart.isEmpty {
                    let folder = (page as NSString).deletingLastPathComponent
                    let joined = ((folder.isEmpty ? "" : folder + "/") + (pathPart.removingPercentEncoding ?? pathPart))
                    var resolved = (("/" + joined) as NSString).standardizingPath
                    resolved.removeFirst()
                    if pathPart.hasSuffix("/") || pathPart == "." { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
                    target = resolved
                    guard files[target] != nil else {
                        problems.append("\(page): \(value) → missing \(target)")
                        continue
                    }
                    if !cleanURLs && pathPart.hasSuffix("/") {
                        problems.append("\(page): \(value) names a folder, not a file")
                    }
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html") || target.hasSuffix(".svg") {
                    if target.hasSuffix(".html"), !ids(target).contains(fragment.removingPercentEncoding ?? fragment) {
                        problems.append("\(page): \(value) → no id '\(fragment)' in \(target)")
                    }
                }
            }
        }
        return problems.sorted()
    }
}
