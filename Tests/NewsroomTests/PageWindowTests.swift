import Testing
@testable import Newsroom

@Suite struct PageWindowTests {
    @Test func shortListsShowEveryPage() {
        #expect(SiteRenderer.pageWindow(current: 1, total: 1) == [1])
        #expect(SiteRenderer.pageWindow(current: 3, total: 6) == [1, 2, 3, 4, 5, 6])
    }

    @Test func longListsShowEndsAndNeighboursWithGaps() {
        #expect(SiteRenderer.pageWindow(current: 1, total: 978) == [1, 2, 3, nil, 978])
        #expect(SiteRenderer.pageWindow(current: 500, total: 978) == [1, nil, 498, 499, 500, 501, 502, nil, 978])
        #expect(SiteRenderer.pageWindow(current: 977, total: 978) == [1, nil, 975, 976, 977, 978])
        #expect(SiteRenderer.pageWindow(current: 4, total: 10) == [1, 2, 3, 4, 5, 6, nil, 10])
    }

    @Test func binarySearchFindsPositions() {
        #expect(SiteRenderer.binarySearch([1, 4, 9, 12], 9) == 2)
        #expect(SiteRenderer.binarySearch([1, 4, 9, 12], 5) == nil)
        #expect(SiteRenderer.binarySearch([], 5) == nil)
    }
}
