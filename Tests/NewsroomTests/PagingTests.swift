import Testing
@testable import Newsroom

/// Stable paging: full pages counted from the oldest item, the newest on the front page.
@Suite struct PagingTests {
    let stable = Paging(style: .stable, perPage: 3)
    let classic = Paging(style: .classic, perPage: 3)

    /// Every page's positions (newest first, 0 the newest) for `total` items.
    func pages(_ paging: Paging, _ total: Int) -> [[Int]] {
        (1...paging.count(of: total)).map { Array(paging.range(page: $0, of: total)) }
    }

    @Test func boundaryCountsGiveTheFrontPageFromPerPageToTwiceLessOne() {
        // 0, 1, per_page − 1: one page holding everything.
        #expect(pages(stable, 0) == [[]])
        #expect(pages(stable, 1) == [[0]])
        #expect(pages(stable, 2) == [[0, 1]])
        // per_page … 2 × per_page − 1: still one page.
        #expect(pages(stable, 3) == [[0, 1, 2]])
        #expect(pages(stable, 5) == [[0, 1, 2, 3, 4]])
        // 2 × per_page: the oldest three become page 1, the front page keeps per_page.
        #expect(pages(stable, 6) == [[3, 4, 5], [0, 1, 2]])
        #expect(pages(stable, 7) == [[4, 5, 6], [0, 1, 2, 3]])
        #expect(pages(stable, 8) == [[5, 6, 7], [0, 1, 2, 3, 4]])
        #expect(pages(stable, 9) == [[6, 7, 8], [3, 4, 5], [0, 1, 2]])
        for total in 0...40 {
            let count = stable.count(of: total)
            #expect(stable.front(of: total) == count)
            let front = stable.range(page: count, of: total)
            #expect(front.lowerBound == 0)
            if total >= 3 { #expect((3...5).contains(front.count), "\(total)") } else { #expect(front.count == total) }
            // Every item on exactly one page, newest pages last in number.
            #expect(pages(stable, total).reversed().flatMap { $0 } == Array(0..<total))
            for page in 1..<count { #expect(stable.range(page: page, of: total).count == 3) }
        }
    }

    @Test func aFullPageKeepsItsItemsWhenOneIsAdded() {
        for total in 0...40 {
            let before = stable.count(of: total)
            for page in 1..<before {
                // Counted from the oldest, as `total - position - 1`: the same items before and after.
                let old = stable.range(page: page, of: total).map { total - $0 - 1 }
                let new = stable.range(page: page, of: total + 1).map { total + 1 - $0 - 1 }
                #expect(old == new, "page \(page) of \(total) items")
                #expect(stable.isFixed(page: page, of: total))
            }
            #expect(!stable.isFixed(page: before, of: total))
            #expect(stable.count(of: total + 1) - before <= 1)
        }
    }

    @Test func newerAndOlderRunTowardsTheFrontPage() {
        #expect(stable.newer(than: 1, of: 9) == 2)
        #expect(stable.newer(than: 3, of: 9) == nil)
        #expect(stable.older(than: 3, of: 9) == 2)
        #expect(stable.older(than: 1, of: 9) == nil)
        #expect(classic.newer(than: 1, of: 9) == nil)
        #expect(classic.older(than: 1, of: 9) == 2)
        #expect(classic.older(than: 3, of: 9) == nil)
    }

    @Test func classicPagingIsTheOldNumbering() {
        #expect(pages(classic, 0) == [[]])
        #expect(pages(classic, 3) == [[0, 1, 2]])
        #expect(pages(classic, 7) == [[0, 1, 2], [3, 4, 5], [6]])
        #expect(classic.front(of: 7) == 1)
        #expect(!classic.isFixed(page: 2, of: 7))
    }

    func pager(pages count: Int, at page: Int) -> [Pager.Entry] {
        // `count` pages of a listing cut three at a time: the total that gives that many.
        let listing = Listing(kind: .news, title: "News", folder: "news/", items: Array(0..<count * 3), key: "", paging: stable)
        #expect(listing.pageCount == count)
        return Pager(listing, page: page).entries
    }

    @Test func aFixedPagesPagerStopsChangingOnceTwoNewerPagesExist() {
        #expect(pager(pages: 1, at: 1) == [.latest])
        #expect(pager(pages: 3, at: 3) == [.page(1), .page(2), .latest])
        #expect(pager(pages: 10, at: 10) == [.page(1), .gap, .page(8), .page(9), .latest])
        #expect(pager(pages: 10, at: 1) == [.page(1), .page(2), .page(3), .gap, .latest])
        // Page 5 shows the same links whatever the number of pages past page 8.
        let later = pager(pages: 9, at: 5)
        #expect(later == [.page(1), .gap, .page(3), .page(4), .page(5), .page(6), .page(7), .gap, .latest])
        for count in 10...14 { #expect(pager(pages: count, at: 5) == later) }
    }
}
