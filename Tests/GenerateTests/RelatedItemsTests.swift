import Foundation
import Testing
@testable import Newsroom

/// An item's related items come from its tags' listings, counted once per tag shared.
@Suite struct RelatedItemsTests {
    /// An item in two of the tags' windows counts twice; the best three come by shared tags,
    /// then nearness, then the newer.
    @Test func relatedItemsCountSharedTags() throws {
        var text = Sites.config + "\n-- site/content/pages/about.md --\n---\ntitle: About\n---\nUs.\n"
        let tags = ["a, b", "a", "a, b", "b", "a, b, c", "c"]
        for (day, list) in tags.enumerated() {
            text += "-- site/content/news/2023-03-0\(day + 1)-i\(day + 1).md --\n---\ntitle: I\(day + 1)\ndate: 2023-03-0\(day + 1)\ntags: [\(list)]\n---\nBody.\n"
        }
        let site = try TestSite(text)
        defer { site.delete() }
        let renderer = try PlannedSite(site.options()).renderer
        // Newest first: position 0 is i6 (c), 1 is i5 (a, b, c), 2 is i4 (b), 3 is i3 (a, b), 4 is i2 (a), 5 is i1 (a, b).
        #expect(renderer.relatedItems(1) == [3, 5, 0])
        #expect(renderer.relatedItems(0) == [1])
        #expect(renderer.relatedItems(4) == [3, 5, 1])
    }

}
