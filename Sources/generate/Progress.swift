import Foundation

/// A progress line on a terminal for builds that take more than a second.
enum Progress {
    static func line(started: Date) -> @Sendable (Int, Int) -> Void {
        { done, total in
            guard Date().timeIntervalSince(started) > 1 else { return }
            let percent = total > 0 ? done * 100 / total : 0
            FileHandle.standardError.write(Data("\rrendering \(done)/\(total) files (\(percent)%)\u{1B}[K".utf8))
        }
    }

    /// Clears the line, if one may have been drawn.
    static func clear(started: Date) {
        guard isatty(STDERR_FILENO) == 1, Date().timeIntervalSince(started) > 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
