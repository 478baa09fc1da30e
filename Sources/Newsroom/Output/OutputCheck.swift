import Foundation

/// The previous build's files looked at on another thread while the site is planned, instead
/// of one by one as each page's key is compared: planning leaves a core idle, rendering keeps
/// both busy. What it finds (the files no longer on disk as that build left them) is given to
/// the session as the paths that may have changed since, so every other file is kept without
/// a second look; a file touched after the check is no different from one touched after its
/// page was compared, in the middle of a build.
struct OutputCheck {
    private let work: BackgroundWork<Set<String>>
    /// The state whose files are checked: the session trusts the result only for that state.
    let state: IncrementalState

    /// Starts checking `state`'s files in `folder`; nil when it lists none.
    init?(state: IncrementalState, folder: URL, fileSystem: FileSystem) {
        guard !state.manifest.entries.isEmpty else { return nil }
        self.state = state
        let manifest = state.manifest
        work = BackgroundWork { manifest.filesNotOnDisk(inFolder: folder.path, fileSystem: fileSystem) }
    }

    /// The files of the state that were not on disk as it recorded them (waits for the check).
    func changedFiles() -> Set<String> {
        work.wait()
    }
}
