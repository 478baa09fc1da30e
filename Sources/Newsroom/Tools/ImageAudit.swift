import Foundation
import NewsroomImage

/// `check`'s look at published images: any JPEG, PNG or WebP that would be published, or is
/// already in the output folder, carrying GPS coordinates or its owner's name is an error.
enum ImageAudit {
    /// `files`: what the build would write; `output`: the folder on disk, shown as `outputName`.
    static func run(files: [OutputFile], output: URL, outputName: String, fileSystem: FileSystem) -> [Diagnostic] {
        let base = outputName.hasSuffix("/") ? String(outputName.dropLast()) : outputName
        func shown(_ path: String) -> String { base.isEmpty ? path : base + "/" + path }
        var found: [String: Data] = [:]
        for file in files where isRaster(file.path) {
            switch file.content {
            case .data(let data): found[file.path] = data
            case .copy(let url): found[file.path] = fileSystem.read(url.path)
            case .kept: break
            }
        }
        var onDisk: [String: String] = [:]
        walk(output.standardizedFileURL.path, relative: "", fileSystem: fileSystem) { relative, absolute in
            if isRaster(relative) { onDisk[relative] = absolute }
        }
        var diagnostics: [Diagnostic] = []
        func audit(_ data: Data, shownAs path: String, published: String) {
            let metadata = ImageMetadata.scan(data)
            var what: [String] = []
            if metadata.hasGPS { what.append("GPS coordinates") }
            if metadata.hasOwner { what.append("its owner's name") }
            guard !what.isEmpty else { return }
            diagnostics.append(.error("image \(published) carries \(what.joined(separator: " and ")): publish it through the build, which removes them", at: SourceLocation(path: path)))
        }
        for (path, data) in found.sorted(by: { $0.key < $1.key }) {
            audit(data, shownAs: shown(path), published: "to be published at '\(path)'")
        }
        for (path, absolute) in onDisk.sorted(by: { $0.key < $1.key }) {
            guard let data = fileSystem.read(absolute) else { continue }
            audit(data, shownAs: shown(path), published: "in the output folder")
        }
        return diagnostics
    }

    private static func isRaster(_ path: String) -> Bool {
        ImageFormat.named(byExtension: (path as NSString).pathExtension) != nil
    }

    /// Every regular file below `folder` (hidden names left out: the build's own files).
    private static func walk(_ folder: String, relative: String, fileSystem: FileSystem, _ visit: (String, String) -> Void) {
        for (name, kind) in fileSystem.list(folder) ?? [] where !name.hasPrefix(".") {
            let absolute = folder + "/" + name, path = relative.isEmpty ? name : relative + "/" + name
            let isFolder = kind == .folder || (kind == .other && fileSystem.status(absolute)?.isDirectory == true)
            if isFolder { walk(absolute, relative: path, fileSystem: fileSystem, visit) } else { visit(path, absolute) }
        }
    }
}
