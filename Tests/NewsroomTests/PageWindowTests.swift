import Testing
@testable import Newsroom

@Suite struct PageWindowTests {
    @Test func shortListsShowEveryPage() {
        #expect(Pager.window(current: 1, upTo: 1, showingLast: true) == [1])
        #expect(Pager.window(current: 3, upTo: 6, showingLast: true) == [1, 2, 3, 4, 5, 6])
    }

    @Test func longListsShowEndsAndNeighboursWithGaps() {
        #expect(Pager.window(current: 1, upTo: 978, showingLast: true) == [1, 2, 3, nil, 978])
        #expect(Pager.window(current: 500, upTo: 978, showingLast: true) == [1, nil, 498, 499, 500, 501, 502, nil, 978])
        #expect(Pager.window(current: 977, upTo: 978, showingLast: true) == [1, nil, 975, 976, 977, 978])
        #expect(Pager.window(current: 4, upTo: 10, showingLast: true) == [1, 2, 3, 4, 5, 6, nil, 10])
    }

    /// Stable paging leaves out the last number, and its front page comes after the window.
    @Test func windowsWithoutTheLastPage() {
        #expect(Pager.window(current: 978, upTo: 977, showingLast: false) == [1, nil, 976, 977])
        #expect(Pager.window(current: 2, upTo: 977, showingLast: false) == [1, 2, 3, 4])
        #expect(Pager.window(current: 1, upTo: 0, showingLast: false) == [])
        #expect(Pager.window(current: 2, upTo: 1, showingLast: false) == [1])
    }

    @Test func binarySearchFindsPositions() {
        #expect(SiteRenderer.binarySearch([1, 4, 9, 12], 9) == 2)
        #expect(SiteRenderer.binarySearch([1, 4, 9, 12], 5) == nil)
        #expect(SiteRenderer.binarySearch([], 5) == nil)
    }
}
