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
                if let fragment, !fragment.isEmpty, !fragment.hasPrefix(":~:"), target.hasSuffix(".html") || target.hasSuffix(".svg") {
                    if target.hasSuffix(".html"), !ids(target).contains(fragment.removingPercentEncoding ?? fragment) {
                        problems.append("\(page): \(value) → no id '\(fragment)' in \(target)")
                    }
                }
            }
        }
        return problems.sorted()
    }

    /// The `.html` pages of `output` that no chain of links from `index.html` reaches, sorted;
    /// `exempt` pages are left out (they are reached some other way, or not meant to be).
    static func unreachablePages(in output: URL, exempt: Set<String>) -> [String] {
        let files = Fixtures.tree(at: output)
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            guard let data = files[page] else { continue }
            for reference in HTMLAudit.read(String(decoding: data, as: UTF8.self)).references {
                guard let target = target(of: reference.value, from: page), target.hasSuffix(".html"),
                      files[target] != nil, reached.insert(target).inserted else { continue }
                queue.append(target)
            }
        }
        return files.keys.filter { $0.hasSuffix(".html") && !reached.contains($0) && !exempt.contains($0) }.sorted()
    }

    /// The output file a relative link on `page` names (`index.html` for a folder), or nil for
    /// an outside, root-relative or fragment-only link.
    static func target(of link: String, from page: String) -> String? {
        if link.isEmpty || link.contains(":") || link.hasPrefix("/") { return nil }
        let pathPart = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: "?").first.map(String.init) ?? ""
        guard !pathPart.isEmpty else { return nil }
        let folder = (page as NSString).deletingLastPathComponent
        let joined = (folder.isEmpty ? "" : folder + "/") + (pathPart.removingPercentEncoding ?? pathPart)
        var resolved = (("/" + joined) as NSString).standardizingPath
        resolved.removeFirst()
        if pathPart.hasSuffix("/") || pathPart == "." { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
        return resolved
    }
}
