import Foundation
import Testing
@testable import Newsroom
@testable import NewsroomMustache

/// A rebuild decides from every page's key which pages render before it makes any item's date
/// or card, and makes them only for the items those pages show.
@Suite struct ItemViewsTests {
    /// A site of three items and a page.
    static var siteText: String {
        var text = Sites.config + "\n-- site/content/pages/about.md --\n---\ntitle: About\n---\nUs.\n"
        for day in 1...3 {
            text += "-- site/content/news/2023-03-0\(day)-item\(day).md --\n---\ntitle: Item \(day)\ndate: 2023-03-0\(day)\ntags: [policy]\n---\nBody \(day).\n"
        }
        return text
    }

    /// Renders a three-item site with `isFresh` saying which previous files are still good, and
    /// returns the positions whose dates and cards were made beforehand.
    static func viewsMade(keptCards: Int = ViewModel.defaultKeptCards, isFresh: @escaping @Sendable (String, UInt64) -> Bool) throws -> (dates: [Int], cards: [Int]) {
        let views = try rendered(siteText, keptCards: keptCards, isFresh: isFresh).itemViews
        return (views.dates.indices.filter { views.dates[$0] != nil }, views.cards.indices.filter { views.cards[$0] != nil })
    }

    /// The view model of `text`'s site once its pages are rendered.
    static func rendered(_ text: String, keptCards: Int = ViewModel.defaultKeptCards, isFresh: @escaping @Sendable (String, UInt64) -> Bool = { _, _ in false }) throws -> ViewModel {
        let site = try TestSite(text)
        defer { site.delete() }
        var options = site.options()
        options.keptCards = keptCards
        let planned = try PlannedSite(options)
        var renderer = planned.renderer
        let inputs = planned.inputs
        renderer.enableCache(publication: inputs.publication, bannerShowing: inputs.bannerShowing, isFresh: isFresh)
        var log = DiagnosticLog()
        _ = renderer.render(log: &log)
        return renderer.model
    }

    @Test func aRebuildThatKeepsEveryPageMakesNoItemViews() throws {
        let made = try Self.viewsMade { _, _ in true }
        #expect(made.dates.isEmpty)
        #expect(made.cards.isEmpty)
    }

    @Test func aRebuildMakesTheViewsOfTheItemsItsRenderedPagesShow() throws {
        // Only the oldest item's page renders (positions run newest first).
        let made = try Self.viewsMade { path, _ in path != "news/2023/03/item1/index.html" }
        #expect(made.dates == [2])
        #expect(made.cards == [2])
    }

    /// Once every page is rendered, the build lets go of the views before the search index is
    /// made; the pages rendered with them.
    @Test func aBuildLetsGoOfTheViewsOnceThePagesAreRendered() throws {
        let site = try TestSite(Self.siteText)
        defer { site.delete() }
        var planned = try PlannedSite(site.options(), digest: true)
        var renderer = planned.renderer
        let session = try planned.run.checkedOutput().begin()
        defer { session.abort() }
        let rendered = try planned.run.render(&renderer, into: session, inputs: planned.inputs)
        #expect(rendered)
        #expect(renderer.model.itemViews.dates.isEmpty)
        #expect(renderer.model.itemViews.cards.isEmpty)
        #expect(session.ledger.state.manifest.entries["news/2023/03/item1/index.html"] != nil)
    }

    /// Past `keptCards`, an item's date is made where it is shown, as its card is: the views
    /// made beforehand stop there.
    @Test func viewsAreMadeForTheKeptCardsOnly() throws {
        let made = try Self.viewsMade(keptCards: 2) { _, _ in false }
        #expect(made.dates == [0, 1])
        #expect(made.cards == [0, 1])
    }

    @Test func aFirstBuildMakesEveryItemsViewsOnce() throws {
        let made = try Self.viewsMade { _, _ in false }
        #expect(made.dates == [0, 1, 2])
        #expect(made.cards == [0, 1, 2])
    }

    /// Items of one date share one date object and cards of one set of tags one list of them
    /// (every item's views are kept on a large site); a moment written in two offsets is two
    /// dates, each shown as written.
    @Test func itemsOfOneDateShareItsViewAndCardsOfOneTagSetTheirList() throws {
        var text = Sites.config + "\n-- site/content/pages/about.md --\n---\ntitle: About\n---\nUs.\n"
        let items = [("a", "2023-03-01", "[policy]"), ("b", "2023-03-01", "[policy]"), ("c", "2023-03-02T10:00:00+02:00", "[policy, water]"), ("d", "2023-03-02T08:00:00Z", "[water]")]
        for (name, date, tags) in items {
            text += "-- site/content/news/\(name).md --\n---\ntitle: Item \(name)\ndate: \(date)\ntags: \(tags)\n---\nBody.\n"
        }
        let model = try Self.rendered(text)
        let position = { (name: String) in try #require(model.plan.items.firstIndex { $0.title == "Item " + name }) }
        let date = { (name: String) in try #require(model.itemViews.dates[position(name)]) }
        let tags = { (name: String) -> [TemplateValue] in
            guard case .list(let tags) = try #require(model.itemViews.cards[position(name)]?.value(.tags)) else { return [] }
            return tags
        }
        #expect(Self.storage(of: try date("a").entries) == Self.storage(of: try date("b").entries))
        #expect(Self.storage(of: try tags("a")) == Self.storage(of: try tags("b")))
        #expect(try tags("a").count == 1)
        #expect(try date("c").value(.iso)?.text == "2023-03-02T10:00:00+02:00")
        #expect(try date("d").value(.iso)?.text.hasPrefix("2023-03-02T08:00:00") == true)
        #expect(try tags("c").count == 2)
    }

    /// Where an array's elements are: two arrays sharing their storage give the same.
    private static func storage<Element>(of array: [Element]) -> UnsafeRawPointer? {
        array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
}
