import Foundation
import Testing

/// The core's folders depend on each other one way only, in pipeline order: a folder may use the
/// types of the folders before it in `layers`, never those after it. A type is the folder's that
/// declares it at the top level of a file; a use is its name written in code (not in comments).
/// A new reference that points up the list fails here with the file and the names.
@Suite struct ArchitectureTests {
    static let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Newsroom")

    /// Lowest first. Files directly in `Sources/Newsroom` (the generator and its options) count
    /// as the folder named "(root)".
    static let layers = [
        "Diagnostics", "Support", "Model", "FileSystem", "Loading", "Building", "Images", "Incremental",
        "Rendering", "Search", "Output", "(root)", "Tools", "Import", "Publish",
    ]

    @Test func foldersDependOnEarlierFoldersOnly() throws {
        let files = try Self.swiftFiles()
        var owner: [String: String] = [:]
        for file in files {
            for name in Self.topLevelTypes(in: file.text) where owner[name] == nil { owner[name] = file.folder }
        }
        var problems: [String] = []
        for file in files {
            guard let rank = Self.layers.firstIndex(of: file.folder) else {
                problems.append("\(file.path): folder '\(file.folder)' is not in ArchitectureTests.layers")
                continue
            }
            var upward: [String: Set<String>] = [:]
            for name in Self.identifiers(in: file.text) {
                guard let folder = owner[name], folder != file.folder,
                      let other = Self.layers.firstIndex(of: folder), other > rank else { continue }
                upward[folder, default: []].insert(name)
            }
            for (folder, names) in upward.sorted(by: { $0.key < $1.key }) {
                problems.append("\(file.path) (\(file.folder)) uses \(folder): \(names.sorted().joined(separator: ", "))")
            }
        }
        #expect(problems == [], "\(problems.joined(separator: "\n"))")
    }

    struct SourceFile {
        var path: String
        var folder: String
        var text: String
    }

    static func swiftFiles() throws -> [SourceFile] {
        let enumerator = FileManager.default.enumerator(at: core, includingPropertiesForKeys: nil)
        var files: [SourceFile] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(core.path.count + 1))
            let parts = relative.split(separator: "/")
            files.append(SourceFile(path: relative, folder: parts.count > 1 ? String(parts[0]) : "(root)", text: try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(files.count > 20, "no sources found at \(core.path)")
        return files
    }

    /// Names declared at the start of a line: `struct X`, `public enum X`, `final class X` …
    static func topLevelTypes(in text: String) -> [String] {
        let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        return text.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter || first == "@" else { return nil }
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "(" })
            guard let kind = words.firstIndex(where: { kinds.contains($0) }), kind + 1 < words.count else { return nil }
            let name = words[kind + 1]
            return name.first?.isUppercase == true ? String(name) : nil
        }
    }

    /// Capitalised identifiers outside `//` comments.
    static func identifiers(in text: String) -> Set<String> {
        var names = Set<String>()
        for line in text.split(separator: "\n") {
            let code = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
            var current = ""
            for character in code {
                if character.isLetter || character.isNumber || character == "_" {
                    current.append(character)
                } else {
                    if current.first?.isUppercase == true { names.insert(current) }
                    current = ""
                }
            }
            if current.first?.isUppercase == true { names.insert(current) }
        }
        return names
    }
}
