import Foundation
import NewsroomMustache

extension SiteRenderer {
    func renderItem(_ position: Int, related: [Int], log: inout DiagnosticLog) -> OutputFile {
        let item = plan.items[position]
        let file = plan.itemFiles[position]
        guard let body = itemBody(position, file: file, log: &log) else { return .text(file, "") }
        var context = model.common(page: file, title: item.title, description: summaries[position], kind: "item")
        let permalink = linker.absolute(file)
        // Key by key: a literal boxes each value as an existential on the way in.
        var view = TemplateObject(capacity: 16)
        view[.title] = item.title
        view[.date] = model.itemDate(position)
        view[.monthURL] = TemplateLink(SitePlan.monthFile(of: item.date))
        view[.summary] = summaries[position]
        view[.content] = TemplateValue.bytes(body.htmlBytes)
        view[.tags] = model.tags(of: position)
        view[.permalink] = permalink
        if let dateline = dateline(item, position: position) { view[.dateline] = dateline }
        if let summary = item.summary { view[.standfirst] = summary }
        if let updated = item.updated { view[.updated] = model.date(updated) }
        if let location = item.location { view[.location] = location }
        if let author = item.author { view[.author] = author }
        if item.draft { view[.draft] = true }
        if model.publication.isScheduled(item) { view[.scheduled] = true }
        var heroURL: String?
        if let image = item.image, let hero = heroImage(image, item: item, file: file, log: &log) {
            view[.image] = hero.object
            heroURL = hero.absoluteURL
        }
        context[.item] = view
        if position > 0 { context[.newer] = neighbour(position - 1) }
        if position + 1 < plan.items.count { context[.older] = neighbour(position + 1) }
        context[.related] = TemplateValue.list(related.map { .object(model.card($0, summary: summaries[$0])) })
        if let about = aboutHTML(for: file, log: &log) { context[.about] = about }
        context[.share] = shareLinks(title: item.title, url: permalink)
        context[.jsonLD] = TemplateValue.bytes(JSONLD.newsArticle(item, url: permalink, image: heroURL, config: config))
        if case .object(var page)? = context.value(.page) {
            page[.ogType] = "article"
            context[.page] = page
        }
        var output = page(file, layout: "item", context: context, requestedAt: source.folder.location(item.sourcePath), log: &log)
        output.bodyLinks = body.links
        output.bodyHeadings = body.headings
        return output
    }

    /// A press release's dateline (an item with a `location`): the place as written and the
    /// date, for the theme to place. Never written into the body, so a body that opens with a
    /// heading or a list renders as written, and the feed carries only what the author wrote.
    func dateline(_ item: NewsItem, position: Int) -> TemplateObject? {
        guard let location = item.location, !location.isEmpty else { return nil }
        return [.place: location, .date: model.itemDate(position)]
    }

    private func neighbour(_ position: Int) -> TemplateObject {
        [.title: plan.items[position].title, .url: TemplateLink(plan.itemFiles[position])]
    }

    /// Up to three related items: those that share the most tags with this one among the twelve
    /// nearest in each of its tags' listings, the closest in date first among equals. Looking
    /// only at neighbours keeps the cost linear in the number of items.
    func relatedItems(_ position: Int) -> [Int] {
        let window = 12
        // Each tag's neighbours, in ascending order as its listing holds them: merged, an item
        // in several of them is counted once per tag it shares, without sorting them all.
        var near: [ArraySlice<Int>] = []
        near.reserveCapacity(plan.itemTags[position].count)
        for index in plan.itemTags[position] {
            let members = plan.tagListings[index].items
            guard let here = Self.binarySearch(members, position) else { continue }
            near.append(members[max(0, here - window)..<min(members.count, here + window + 1)])
        }
        // The best three by (shared tags, nearness, position), without sorting them all.
        var best: [(other: Int, count: Int, distance: Int)] = []
        while true {
            var other = Int.max
            for slice in near where !slice.isEmpty { other = min(other, slice[slice.startIndex]) }
            guard other != Int.max else { break }
            var count = 0
            for slot in near.indices where near[slot].first == other {
                count += 1
                near[slot] = near[slot].dropFirst()
            }
            guard other != position else { continue }
            let candidate = (other: other, count: count, distance: abs(other - position))
            let slot = best.firstIndex { current in
                (candidate.count, -candidate.distance, -candidate.other) > (current.count, -current.distance, -current.other)
            } ?? best.count
            if slot < 3 {
                best.insert(candidate, at: slot)
                if best.count > 3 { best.removeLast() }
            }
        }
        return best.map(\.other)
    }

    /// Listings hold positions in ascending order (newest first), so a binary search finds one.
    static func binarySearch(_ sorted: [Int], _ value: Int) -> Int? {
        let index = sorted.insertionIndex { $0 < value }
        return index < sorted.count && sorted[index] == value ? index : nil
    }

    /// The hero image's view model, and its absolute URL (for JSON-LD).
    private func heroImage(_ image: HeroImage, item: NewsItem, file: String, log: inout DiagnosticLog) -> (object: TemplateObject, absoluteURL: String)? {
        let src: TemplateValue, absoluteURL: String
        let resolved = content.links.resolve(image.src, isImage: true, sourcePath: item.sourcePath)
        switch resolved {
        case .target(let target, let suffix):
            src = .link(TemplateLink(target, suffix: suffix))
            absoluteURL = linker.absolute(target) + suffix
        case .keep:
            src = .text(image.src)
            absoluteURL = image.src
        case .dropped(let reason), .missing(let reason):
            log.error("'image.src': \(reason)", at: image.location)
            return nil
        }
        var hero: TemplateObject = [.src: src, .absoluteURL: absoluteURL, .alt: image.alt]
        if let caption = image.caption { hero[.caption] = caption }
        if let credit = image.credit { hero[.credit] = credit }
        if case .target(let target, "") = resolved, let processed = images.images[target] {
            let picture = ImagePicture(processed, at: target) { linker.relative(from: file, to: $0) }
            hero[.src] = picture.src
            hero[.width] = String(picture.width)
            hero[.height] = String(picture.height)
            if !picture.srcset.isEmpty { hero[.srcset] = picture.srcset }
            if !picture.webpSrcset.isEmpty { hero[.webpSrcset] = picture.webpSrcset }
            hero[.sizes] = ImagePicture.sizes
            // Shared links show the 1200×630 crop, not a file of several megabytes.
            if let social = processed.social {
                let url = linker.absolute(ImageCatalog.path(of: social, for: target))
                hero[.absoluteURL] = url
                return (hero, url)
            }
        }
        return (hero, absoluteURL)
    }

    /// The organisation's boilerplate from `site.yml`, for the page at `file`. Rendered once per
    /// folder depth: its links climb to the root and back down, so they suit every page that deep.
    func aboutHTML(for file: String, log: inout DiagnosticLog) -> String? {
        guard let about = config.about, let location = config.aboutLocation else { return nil }
        let depth = file.split(separator: "/").count - 1
        var problems: [Diagnostic] = []
        let html = aboutCache.value(depth) {
            var local = DiagnosticLog()
            let standIn = String(repeating: "\u{1}/", count: depth) + "index.html"
            let body = content.render(about, sourcePath: "site.yml", firstLine: location.line, pageFile: standIn, log: &local)
            problems = local.diagnostics
            return body.html
        }
        log.add(contentsOf: problems)
        return html
    }

    private func shareLinks(title: String, url: String) -> TemplateObject {
        let encodedURL = Self.queryEncode(url)
        let encodedTitle = Self.queryEncode(title)
        return [
            .email: Self.joined("mailto:?subject=", encodedTitle, "&body=", encodedURL),
            .facebook: Self.joined("https://www.facebook.com/sharer/sharer.php?u=", encodedURL),
            .linkedin: Self.joined("https://www.linkedin.com/sharing/share-offsite/?url=", encodedURL),
            .x: Self.joined("https://x.com/intent/post?url=", encodedURL, "&text=", encodedTitle),
        ]
    }

    /// The pieces' UTF-8 put together in one array (interpolated, each piece was copied again
    /// on the way to the page).
    private static func joined(_ pieces: String...) -> TemplateValue {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for var piece in pieces { piece.withUTF8 { bytes.append(contentsOf: $0) } }
        return .bytes(bytes)
    }

    /// Percent-encodes every UTF-8 byte except ASCII letters, digits and `-._~` (what
    /// `addingPercentEncoding` gives with those allowed, without its per-call set building).
    static func queryEncode(_ text: String) -> String {
        // A closure, not the function's name: the name passes a thunk called for every byte.
        PercentEncoding.encode(text) { PercentEncoding.isUnreserved($0) }
    }
}
