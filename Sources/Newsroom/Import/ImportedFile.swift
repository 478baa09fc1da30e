/// One file an import writes into the site, relative to the site folder.
struct ImportedFile: Sendable, Equatable {
    enum Contents: Sendable, Equatable {
        case text(String)
        /// A copy of a file in the archive (absolute path).
        case copy(String)
    }

    var path: String
    var contents: Contents
}
