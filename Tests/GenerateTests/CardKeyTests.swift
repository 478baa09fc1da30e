import Foundation
import Testing
@testable import Newsroom

/// A card (an item as listings, the home page and related items show it) is keyed by
/// `RenderKeys.cards`, which lists its inputs by hand beside `ViewModel.card`. Rather than
/// thread one more type through the hot path of rendering, this pins the two together: each
/// variant below changes one thing an author can write, and must change the card's key
/// whenever it changes the card; and every field a card has must be changed by some variant,
/// so a new card field fails here until it is given a variant (and then a key).
@Suite struct CardKeyTests {
    static let base = [
        "title": "title: Base",
        "date": "date: 2023-03-21",
        "slug": "slug: base",
        "tags": "tags: [policy]",
        "location": "location: Bucharest",
        "summary": "summary: Short.",
        "image": "image:\n  src: https://example.org/a.jpg\n  alt: A photo",
        "draft": "draft: false",
    ]

    static let variants: [String: (field: String, line: String)] = [
        "title": ("title", "title: Changed"),
        "date": ("date", "date: 2023-03-22"),
        "time": ("date", "date: 2023-03-21T10:00:00+02:00"),
        "scheduled": ("date", "date: 2030-01-01"),
        "slug": ("slug", "slug: changed"),
        "tags": ("tags", "tags: [policy, other]"),
        "location": ("location", "location: Cluj"),
        "summary": ("summary", "summary: Other."),
        "image source": ("image", "image:\n  src: https://example.org/b.jpg\n  alt: A photo"),
        "image text": ("image", "image:\n  src: https://example.org/a.jpg\n  alt: Another photo"),
        "draft": ("draft", "draft: true"),
    ]

    /// The card of the site's one item, as JSON with sorted keys, and its key.
    static func card(_ frontMatter: [String: String]) throws -> (fields: [String: String], key: UInt64) {
        let item = frontMatter.keys.sorted().map { frontMatter[$0]! }.joined(separator: "\n")
        let site = try TestSite(Sites.config + "\n-- site/content/pages/about.md --\n---\ntitle: About\n---\nUs.\n-- site/content/news/2023-03-21-base.md --\n---\n\(item)\n---\nThe body.\n")
        defer { site.delete() }
        var options = site.options()
        options.includeDrafts = true
        options.includeFuture = true
        let planned = try PlannedSite(options)
        var renderer = planned.renderer
        renderer.enableCache(publication: planned.inputs.publication, bannerShowing: planned.inputs.bannerShowing) { _, _ in false }
        let card = renderer.model.card(0, summary: renderer.summaries[0]).foundationValue(links: \.asWritten)
        var fields: [String: String] = [:]
        for (name, value) in card {
            let json = try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys, .fragmentsAllowed])
            fields[name] = String(decoding: json, as: UTF8.self)
        }
        let keys = try #require(renderer.keys)
        return (fields, keys.cards[0])
    }

    @Test func everyCardFieldIsInTheKey() throws {
        let (baseCard, baseKey) = try Self.card(Self.base)
        var changedFields: Set<String> = []
        var allFields = Set(baseCard.keys)
        for (name, variant) in Self.variants.sorted(by: { $0.key < $1.key }) {
            var frontMatter = Self.base
            frontMatter[variant.field] = variant.line
            let (card, key) = try Self.card(frontMatter)
            allFields.formUnion(card.keys)
            let changed = Set(card.keys).union(baseCard.keys).filter { card[$0] != baseCard[$0] }
            #expect(!changed.isEmpty, "the variant '\(name)' does not change the card")
            #expect(key != baseKey, "the variant '\(name)' changes the card's \(changed.sorted()) but not its key")
            changedFields.formUnion(changed)
        }
        #expect(changedFields == allFields, "no variant changes the card's \(allFields.subtracting(changedFields).sorted()): add one")
    }
}
