extension SiteRenderer {
    /// What a first pass renders (see `FirstPages`).
    struct FirstPass {
        /// The pages to render now.
        var paths: Set<String>
        /// Fewer other pages to render than this: all render now.
        var worthFrom: Int
    }

    /// Fewer pages left for later than this render in the first pass: a second pass costs a
    /// commit, a state save and every page keyed again, more than rendering a few pages does.
    static let pagesWorthASecondPass = 200

    /// Keeps as they were the pages among `pages` whose keys changed and that `first` does not
    /// hold, each recorded with the last build's entry, so that this render puts only the
    /// others in place; their paths. None when there are too few (or they cannot be kept: a
    /// file touched on disk is rendered now).
    func keepForLater(_ pages: inout [PageState], first: FirstPass) -> Set<String> {
        guard let keepEachAsBefore else { return [] }
        let later = pages.indices.compactMap { index -> (index: Int, path: String)? in
            guard case .stale(let path, _, _) = pages[index], !first.paths.contains(path) else { return nil }
            return (index, path)
        }
        guard later.count >= first.worthFrom else { return [] }
        var kept: Set<String> = []
        for (page, isKept) in zip(later, keepEachAsBefore(later.map(\.path))) where isKept {
            pages[page.index] = .kept(page.path)
            kept.insert(page.path)
        }
        return kept
    }
}
