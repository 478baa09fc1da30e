/// Which reported changes a listing can see.
public enum HiddenChanges {
    /// `changed` without the paths a listing of `roots` never sees: those with a hidden name
    /// (one starting with ".") at or below a root, skipped by every listing, so their change
    /// cannot change a build. Such are the temporary files editors and Foundation write before
    /// renaming them into place. Paths outside every root are kept.
    public static func visible(_ changed: Set<String>, roots: [String]) -> Set<String> {
        changed.filter { path in
            guard let root = roots.first(where: { path.hasPrefix($0 + "/") }) else { return true }
            return !path.dropFirst(root.count + 1).split(separator: "/").contains { $0.hasPrefix(".") }
        }
    }
}
