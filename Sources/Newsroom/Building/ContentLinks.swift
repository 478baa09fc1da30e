import Foundation
import NewsroomMarkdown
import NewsroomText

/// Rewrites the links and images an author writes in Markdown (and in front matter) to output links.
///
/// - `../2023-03-21-x.md`, `x/index.md`, a bundle folder → that item's page
/// - `hero.jpg` beside a bundle's `index.md` → the copied asset
/// - `/images/x.jpg`, `/about/` → the static file or page, relative so it works from disk
/// - `https://news.example.org/about/` under `base_url` → the same, like `/about/`
/// - `javascript:` and similar → dropped
struct ContentLinks {
    let index: OutputIndex
    let linker: Linker
    /// The resolutions kept for this index and linker (see `ResolvedLinks`).
    private let resolved = ResolvedLinks()

    init(index: OutputIndex, linker: Linker) {
        self.index = index
        self.linker = linker
    }

    enum Outcome: Equatable {
        /// Leave as written (external, fragment-only).
        case keep
        /// An output file, plus any `?query#fragment` the author wrote.
        case target(String, suffix: String)
        case dropped(String)
        case missing(String)
    }

    /// Resolves `destination` and makes it a link from `pageFile` (relative) or absolute.
    func link(_ destination: String, isImage: Bool, sourcePath: String, pageFile: String, absolute: Bool = false) -> (LinkResolution, String?) {
        switch resolve(destination, isImage: isImage, sourcePath: sourcePath) {
        case .keep:
            return (.keep, nil)
        case .target(let target, let suffix):
            return (.replace((absolute ? linker.absolute(target) : linker.relative(from: pageFile, to: target)) + suffix), nil)
        case .dropped(let reason):
            return (.drop, reason)
        case .missing(let reason):
            return (.keep, reason)
        }
    }

    /// Resolves `destination` written in `sourcePath` to the output file it names.
    func resolve(_ destination: String, isImage: Bool, sourcePath: String) -> Outcome {
        guard ResolvedLinks.isSourceIndependent(destination) else { return resolveEachTime(destination, isImage: isImage, sourcePath: sourcePath) }
        return resolved.outcome(destination, isImage: isImage) { resolveEachTime(destination, isImage: isImage, sourcePath: sourcePath) }
    }

    private func resolveEachTime(_ destination: String, isImage: Bool, sourcePath: String) -> Outcome {
        var trimmed = destination.trimmedASCIISpace
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") { return .keep }
        // An absolute link into base_url is a root-relative one that happens to name the host.
        if trimmed.utf8.first == UInt8(ascii: "h") || trimmed.utf8.first == UInt8(ascii: "H"), let path = linker.pathUnderBase(trimmed) {
            trimmed = "/" + path
        }
        if let scheme = Self.scheme(of: trimmed) {
            if scheme == "javascript" || scheme == "vbscript" || scheme == "file" || (scheme == "data" && !(isImage && trimmed.lowercased().hasPrefix("data:image/") && !trimmed.lowercased().hasPrefix("data:image/svg"))) {
                return .dropped("'\(scheme):' links are removed from published pages")
            }
            return .keep
        }
        let (path, suffix) = Self.splitSuffix(trimmed)
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        if path.hasPrefix("/") && SitePath.isUnsafe(path) {
            return .missing("'\(destination)' is not a safe path")
        }
        let target: String?
        if decoded.hasPrefix("/") {
            target = rootRelativeTarget(String(decoded.dropFirst()))
        } else {
            guard let resolved = SitePath.resolve(decoded, from: FileSystem.parent(of: sourcePath)) else {
                return .missing("'\(destination)' points outside the site folder")
            }
            target = sourceTarget(resolved)
        }
        guard let target else {
            return .missing("\(isImage ? "image" : "link") target '\(destination)' does not exist")
        }
        return .target(target, suffix: suffix)
    }

    /// `/about/` → `about/index.html`; `/images/x.jpg` → the static file. Failing those, a path
    /// that names a content file without its extension (`/pages/about/` for
    /// `content/pages/about.md`, as Hugo-style sites link) leads to that page.
    func rootRelativeTarget(_ path: String) -> String? {
        let isFolder = path.isEmpty || path.hasSuffix("/")
        if !isFolder, index.contains(path) { return path }
        let file = isFolder ? path + "index.html" : path + "/index.html"
        if index.contains(file) { return file }
        let bare = isFolder ? String(path.dropLast()) : path
        guard !bare.isEmpty else { return nil }
        // Each candidate made only when the one before it is not a page: most links name the
        // first.
        for suffix in Self.contentSuffixes {
            if let page = index.page(forSource: "content/" + bare + suffix) { return page }
        }
        return nil
    }

    /// What a content file's path adds to the path a Hugo-style link names, in the order tried.
    private static let contentSuffixes = [".md", ".markdown", "/index.md", "/index.markdown", ""]

    private func sourceTarget(_ resolved: String) -> String? {
        let folder = resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
        if let page = index.page(forSource: folder) { return page }
        if let file = index.file(forSource: folder) { return file }
        if folder.hasPrefix("static/") {
            let output = String(folder.dropFirst("static/".count))
            return index.contains(output) ? output : nil
        }
        return nil
    }

    /// `https` for `https://…`; nil for a path (a colon after the first slash is not a scheme).
    static func scheme(of destination: String) -> String? {
        var text = destination
        // One byte per character before the colon: the test by byte, in place, without Unicode's
        // property tables (`.some(nil)`: no scheme); nil when a byte there is not ASCII.
        let ascii: String?? = text.withUTF8 { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
            let candidate = UnsafeBufferPointer(rebasing: bytes[..<colon])
            guard !candidate.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let first = candidate.first, ASCII.isLetter(first),
                  candidate.allSatisfy({ ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            else { return .some(nil) }
            return String(unsafeUninitializedCapacity: candidate.count) { buffer in
                for (index, byte) in candidate.enumerated() { buffer[index] = ASCII.lowercased(byte) }
                return candidate.count
            }
        }
        if let ascii { return ascii }
        guard let colon = destination.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = destination[..<colon]
        guard let first = candidate.first, first.isLetter,
              candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return candidate.lowercased()
    }

    /// Splits `a.md#x` into `a.md` and `#x` (and `?q` likewise).
    static func splitSuffix(_ destination: String) -> (String, String) {
        guard let index = destination.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return (destination, "") }
        return (String(destination[..<index]), String(destination[index...]))
    }
}
