import Foundation

/// What the last successful build left for the next, beside the manifest: the digest of its
/// inputs and its warnings. A page kept as it is reports its warnings again;
/// a build whose inputs all match the digest reuses the whole output and reports them all, so
/// a rebuild is as loud as the build that made the pages.
struct BuildRecord: Sendable, Equatable {
    static let fileName = ".newsroom-build"
    private static let header = "newsroom-build 1"

    /// `BuildDigest` of the inputs; nil when unknown. A quick first test: the copy in the
    /// manifest, written together with the list of files, is the one that decides.
    var digest: UInt64?
    /// Warnings found while rendering each page, by output path.
    var warningsByPage: [String: [Diagnostic]] = [:]
    /// Warnings found after loading and before rendering (theme checks, planning).
    var buildWarnings: [Diagnostic] = []

    /// The saved record, if it was saved for the same site folder (paths in its warnings are
    /// written as the author sees them from there); an empty one otherwise.
    static func read(in folder: URL, site: String) -> BuildRecord {
        guard let data = FileManager.default.contents(atPath: folder.path + "/" + fileName) else { return BuildRecord() }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, first == Substring(header + "\t" + TabSeparated.escape(site)) else { return BuildRecord() }
        lines.removeFirst()
        var record = BuildRecord()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(TabSeparated.unescape)
            switch (fields.first, fields.count) {
            case ("digest", 2): record.digest = UInt64(fields[1], radix: 16)
            case ("warning", 6):
                guard let number = Int(fields[3]), let column = Int(fields[4]) else { return BuildRecord() }
                let warning = Diagnostic(path: fields[2], line: number, column: column, severity: .warning, message: fields[5])
                if fields[1].isEmpty {
                    record.buildWarnings.append(warning)
                } else {
                    record.warningsByPage[fields[1], default: []].append(warning)
                }
            default:
                return BuildRecord()
            }
        }
        return record
    }

    /// Every warning it holds, for a build that reuses the whole output.
    var allWarnings: [Diagnostic] {
        buildWarnings + warningsByPage.keys.sorted().flatMap { warningsByPage[$0]! }
    }

    /// Saves it (write, then rename).
    func write(in folder: URL, site: String) {
        let path = folder.path + "/" + Self.fileName
        var lines = [Self.header + "\t" + TabSeparated.escape(site)]
        if let digest { lines.append("digest\t" + String(digest, radix: 16)) }
        func warningLine(_ page: String, _ warning: Diagnostic) -> String {
            (["warning", page, warning.path, String(warning.line), String(warning.column), warning.message]).map(TabSeparated.escape).joined(separator: "\t")
        }
        lines += buildWarnings.map { warningLine("", $0) }
        for page in warningsByPage.keys.sorted() {
            lines += warningsByPage[page]!.map { warningLine(page, $0) }
        }
        let fileSystem = FileSystem.local
        do {
            try fileSystem.write(Data((lines.joined(separator: "\n") + "\n").utf8), to: path + ".tmp")
            try fileSystem.rename(path + ".tmp", path, .working)
        } catch {
            _ = fileSystem.remove(path + ".tmp", .working, false)
            _ = fileSystem.remove(path, .working, false)
        }
    }
}
