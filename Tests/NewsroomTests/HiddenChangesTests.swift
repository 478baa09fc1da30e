import Testing
@testable import Newsroom

/// Which reported changes `serve` rebuilds for: hidden names below the site or themes folder
/// are left out, everything else is kept.
@Suite struct HiddenChangesTests {
    let roots = ["/work/site", "/work/.config/themes"]

    @Test func hiddenNamesBelowARootAreLeftOut() {
        let changed: Set<String> = [
            "/work/site/content/news/.dat.nosync1A2.x8kNmh",
            "/work/site/.git/index",
            "/work/site/static/.well-known/security.txt",
            "/work/.config/themes/minimal/layouts/.item.mustache.swp",
        ]
        #expect(HiddenChanges.visible(changed, roots: roots).isEmpty)
    }

    @Test func visibleNamesAndPathsOutsideTheRootsAreKept() {
        let changed: Set<String> = [
            "/work/site/content/news/2023-06-01-item.md",
            // A root below a hidden folder is still the root: only names below it count.
            "/work/.config/themes/minimal/layouts/item.mustache",
            "/work/site",
            "/work/site-copy/.hidden",
            "/elsewhere/.hidden",
        ]
        #expect(HiddenChanges.visible(changed, roots: roots) == changed)
    }
}
