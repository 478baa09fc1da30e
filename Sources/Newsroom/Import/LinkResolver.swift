import Foundation

/// Turns a link in an imported body (an old URL, a path relative to the post's old URL or to its
/// source file, a link into the old base URL) into a link to the new source file or a copied
/// file, so every build checks it.
struct LinkResolver {
    let archive: Archive
    let planned: [PlannedEntry]
    private var byURL: [String: Int] = [:]
    private var bySource: [String: Int] = [:]
    private var byPostName: [String: Int] = [:]
    private var byWordPressID: [String: Int] = [:]
    /// The new sources, for links a converted construct already wrote.
    private var newFiles: Set<String> = []

    /// What became of one link.
    enum Resolution: Equatable {
        /// Not a link into the old site (external, a fragment, mail): left alone.
        case external
        case rewritten(String)
        case unresolved
    }

    init(archive: Archive, planned: [PlannedEntry]) {
        self.archive = archive
        self.planned = planned
        for (index, plan) in planned.enumerated() {
            let entry = plan.entry
            for url in [entry.oldURL].compactMap({ $0 }) + entry.oldAliases where byURL[ImportPaths.urlKey(url)] == nil {
                byURL[ImportPaths.urlKey(url)] = index
            }
            bySource[entry.sourcePath] = index
            if let id = entry.wordpressID { byWordPressID[id] = index }
            newFiles.insert(plan.file)
            let withoutExtension = (entry.sourcePath as NSString).deletingPathExtension
            bySource[withoutExtension] = index
            // A page bundle is named by its folder (`{{< ref "my-post" >}}`).
            if withoutExtension.hasSuffix("/index") { bySource[String(withoutExtension.dropLast(6))] = index }
            let name = ((entry.sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension
            if byPostName[name] == nil { byPostName[name] = index }
            if let posts = entry.sourcePath.range(of: "_posts/") {
                byPostName[(String(entry.sourcePath[posts.upperBound...]) as NSString).deletingPathExtension] = index
            }
        }
    }

    /// The link from entry `from` to a construct's target (`{% post_url %}`, `{% link %}`, `ref`).
    func link(to target: TemplateConversion.Target, from: Int) -> String? {
        let found: Int?
        switch target {
        case .post(let name):
            found = byPostName[(name as NSString).deletingPathExtension]
        case .file(let path):
            var key = path.hasPrefix("/") ? String(path.dropFirst()) : path
            if key.hasPrefix("content/") { key.removeFirst(8) }
            found = bySource[key] ?? bySource["content/" + key] ?? bySource[(key as NSString).deletingPathExtension]
                ?? uniqueSource(endingWith: key)
        }
        if let found { return ImportPaths.relative(from: planned[from].folder, to: planned[found].file) }
        // A file that is not a page (`{% link /assets/report.pdf %}`) becomes a link from the
        // root, which the link pass then copies and checks like any other.
        if case .file(let path) = target, !["md", "markdown", "html", ""].contains((path as NSString).pathExtension.lowercased()) {
            return path.hasPrefix("/") ? path : "/" + path
        }
        return nil
    }

    private func uniqueSource(endingWith key: String) -> Int? {
        let suffix = "/" + key
        let matches = Set(bySource.filter { ("/" + $0.key).hasSuffix(suffix) }.values)
        return matches.count == 1 ? matches.first : nil
    }

    /// Resolves `raw` written in entry `from`; files it reaches go into `assets`.
    func resolve(_ raw: String, from: Int, assets: inout EntryAssets) -> Resolution {
        let plan = planned[from]
        let url = raw.trimmingCharacters(in: .whitespaces)
        // Template code in place of a URL is reported as template code.
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("{{"), !url.hasPrefix("{%") else { return .external }
        var path: String
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
            let scheme = url[..<colon].lowercased()
            guard scheme == "http" || scheme == "https", let parsed = URLComponents(string: url),
                  let host = parsed.host?.lowercased(), let oldHost = archive.site.host,
                  host == oldHost || host == "www." + oldHost || "www." + host == oldHost
            else { return .external }
            path = parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath
            if let query = parsed.percentEncodedQuery { path += "?" + query }
            if let fragment = parsed.percentEncodedFragment { path += "#" + fragment }
        } else if url.hasPrefix("//") {
            return .external
        } else if url.hasPrefix("/") {
            path = url
        } else {
            // Relative: a source file or a file beside the post, else a path from its old URL.
            let (bare, fragment) = Self.split(url)
            if newFiles.contains(Self.normalised(bare, beside: plan.file)) { return .external }
            if let index = bySource[Self.normalised(bare, beside: plan.entry.sourcePath)] {
                return .rewritten(ImportPaths.relative(from: plan.folder, to: planned[index].file) + fragment)
            }
            if let folder = archive.folder, let file = folder.lookUp(bare.removingPercentEncoding ?? bare, besideFile: plan.entry.sourcePath) {
                let rootPath = String(file.dropFirst(folder.root.count))
                return .rewritten(place(file, rootPath: rootPath, from: from, assets: &assets) + fragment)
            }
            guard let base = plan.entry.oldURL else { return .unresolved }
            let folderURL = base.hasSuffix("/") ? base : (base as NSString).deletingLastPathComponent + "/"
            path = ImportPaths.collapse(folderURL + bare) + fragment
        }
        let basePath = archive.site.basePath
        if !basePath.isEmpty, path.hasPrefix(basePath + "/") || path == basePath { path = String(path.dropFirst(basePath.count)) }
        let (bare, fragment) = Self.split(path)
        // The old home page: the new site has one at the same place.
        if bare == "/" { return .external }
        if archive.listings.contains(ImportPaths.urlKey(bare)) { return .rewritten("/news/" + fragment) }
        if let id = Self.wordPressID(in: bare), let index = byWordPressID[id] {
            return .rewritten(ImportPaths.relative(from: plan.folder, to: planned[index].file) + fragment)
        }
        if let index = byURL[ImportPaths.urlKey(bare)] {
            return .rewritten(ImportPaths.relative(from: plan.folder, to: planned[index].file) + fragment)
        }
        if let folder = archive.folder {
            let decoded = bare.removingPercentEncoding ?? bare
            if let file = folder.lookUp(rootPath: decoded) ?? Self.unsized(decoded).flatMap(folder.lookUp(rootPath:)) {
                let rootPath = file == folder.lookUp(rootPath: decoded) ? decoded : Self.unsized(decoded)!
                return .rewritten(place(file, rootPath: rootPath, from: from, assets: &assets) + fragment)
            }
        }
        return .unresolved
    }

    /// Puts a referenced file in the entry's bundle (an item's image) or under `static/` at its
    /// path from the old site's root, and returns the link to it.
    private func place(_ file: String, rootPath: String, from: Int, assets: inout EntryAssets) -> String {
        let plan = planned[from]
        if plan.entry.kind == .item, ImportPaths.isImage(file) {
            return assets.bundleName(for: file)
        }
        let clean = rootPath.split(separator: "/").joined(separator: "/")
        assets.staticFiles[clean] = file
        return "/" + clean.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }.joined(separator: "/")
    }

    /// `/?p=12`, `/index.php?page_id=3` → the post id WordPress links by.
    static func wordPressID(in path: String) -> String? {
        guard let question = path.firstIndex(of: "?"), ["", "/", "/index.php"].contains(String(path[..<question])) else { return nil }
        for pair in path[path.index(after: question)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "p" || parts[0] == "page_id", parts[1].allSatisfy(\.isNumber) { return String(parts[1]) }
        }
        return nil
    }

    /// `x.md#part` → (`x.md`, `#part`); a query goes with the path.
    static func split(_ url: String) -> (String, String) {
        guard let hash = url.firstIndex(of: "#") else { return (url, "") }
        return (String(url[..<hash]), String(url[hash...]))
    }

    /// `../x.md` written in `posts/a.md` → `x.md`.
    static func normalised(_ relative: String, beside source: String) -> String {
        let folder = (source as NSString).deletingLastPathComponent
        return String(ImportPaths.collapse("/" + (folder.isEmpty ? relative : folder + "/" + relative)).dropFirst())
    }

    /// WordPress's resized copy `x-300x200.png` → `x.png`, for when only the original was kept.
    static func unsized(_ path: String) -> String? {
        let regex = CompiledPattern.regex(#"-\d+x\d+(\.[A-Za-z]+)$"#)
        let range = NSRange(location: 0, length: (path as NSString).length)
        guard regex.firstMatch(in: path, range: range) != nil else { return nil }
        return regex.stringByReplacingMatches(in: path, range: range, withTemplate: "$1")
    }
}

/// The files one entry brings along: images into its bundle, other files into `static/`.
struct EntryAssets {
    /// Name in the bundle → absolute source path.
    var bundle: [String: String] = [:]
    /// Path under `static/` → absolute source path.
    var staticFiles: [String: String] = [:]

    mutating func bundleName(for file: String) -> String {
        if let existing = bundle.first(where: { $0.value == file }) { return existing.key }
        let name = (file as NSString).lastPathComponent
        var candidate = name
        var counter = 2
        while bundle[candidate] != nil {
            candidate = "\(counter)-\(name)"
            counter += 1
        }
        bundle[candidate] = file
        return candidate.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? candidate
    }
}
