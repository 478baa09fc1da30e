import Foundation

/// The warnings each page gave when it was last rendered, saved beside the manifest: a page
/// kept as it is reports them again, so a rebuild is as loud as the build that made the page.
struct PageWarnings: Sendable, Equatable {
    static let fileName = ".newsroom-warnings"
    private static let header = "newsroom-warnings 1"

    var byPage: [String: [Diagnostic]] = [:]

    /// The saved warnings, if they were saved for the same site folder (paths in them are
    /// written as the author sees them from there).
    static func read(in folder: URL, site: String) -> PageWarnings {
        guard let data = FileManager.default.contents(atPath: folder.path + "/" + fileName) else { return PageWarnings() }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first, first == Substring(header + "\t" + escape(site)) else { return PageWarnings() }
        lines.removeFirst()
        var warnings = PageWarnings()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { unescape($0) }
            guard fields.count == 5, let number = Int(fields[2]), let column = Int(fields[3]) else { return PageWarnings() }
            warnings.byPage[fields[0], default: []].append(
                Diagnostic(path: fields[1], line: number, column: column, severity: .warning, message: fields[4])
            )
        }
        return warnings
    }

    /// Saves them (write, then rename); with none, removes the file.
    func write(in folder: URL, site: String) {
        let path = folder.path + "/" + Self.fileName
        guard !byPage.isEmpty else {
            unlink(path)
            return
        }
        var text = Self.header + "\t" + Self.escape(site) + "\n"
        for page in byPage.keys.sorted() {
            for warning in byPage[page]! {
                text += [page, warning.path, String(warning.line), String(warning.column), warning.message].map(Self.escape).joined(separator: "\t") + "\n"
            }
        }
        do {
            try FileStatus.write(Data(text.utf8), to: path + ".tmp")
            guard rename(path + ".tmp", path) == 0 else { throw OutputError(String(cString: strerror(errno))) }
        } catch {
            unlink(path + ".tmp")
        }
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var output = ""
        var escaped = false
        for character in field {
            if escaped {
                switch character {
                case "t": output.append("\t")
                case "n": output.append("\n")
                case "r": output.append("\r")
                default: output.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
