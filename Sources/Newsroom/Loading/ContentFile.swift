import Foundation

/// One Markdown content file read and split: its front-matter fields and its body.
struct ContentFile {
    var relativePath: String
    var fields: FieldReader
    var frontMatter: FrontMatter
    /// The file's bytes hashed, for the incremental build.
    var contentHash: UInt64

    /// The extensions a Markdown source may have: `.markdown` is what Jekyll-era archives use.
    static let markdownExtensions = [".md", ".markdown"]

    /// `x` for `x.md` or `x.markdown`; nil for any other file name.
    static func markdownStem(_ name: String) -> String? {
        for suffix in markdownExtensions where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return nil
    }

    /// Reads, decodes and splits `relativePath`; logs and returns nil on any problem.
    /// `readStatus` is given the file's status once its bytes are read, whatever follows.
    /// `opened` is `folder` held open, when the caller has it: the file is then opened by its
    /// path inside it, without the kernel walking the site's own path for each file.
    static func read(_ relativePath: String, in folder: SourceFolder, opened: OpenFolder? = nil, fileSystem: FileSystem = .local, readStatus: (FileStatus) -> Void = { _ in }, log: inout DiagnosticLog) -> ContentFile? {
        let display = folder.display(relativePath)
        let read = opened.map { fileSystem.read(relativePath, $0) } ?? fileSystem.read(folder.path(relativePath), .working)
        guard let (data, status) = read else {
            log.error("cannot read this file", at: SourceLocation(path: display))
            return nil
        }
        readStatus(status)
        guard !data.isEmpty else {
            log.error("the file is empty: a content file needs front matter (title, date) between '---' lines", at: SourceLocation(path: display))
            return nil
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(data, path: display) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        let node: YAMLNode
        switch YAMLNode.parse(frontMatter.yaml, path: display, firstLine: frontMatter.yamlFirstLine) {
        case .success(let parsed?): node = parsed
        case .success(nil):
            log.error("the front matter is empty: it needs at least a title", at: SourceLocation(path: display))
            return nil
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        guard let fields = FieldReader(node, log: &log) else { return nil }
        return ContentFile(relativePath: relativePath, fields: fields, frontMatter: frontMatter, contentHash: ContentHash.of(data))
    }
}
