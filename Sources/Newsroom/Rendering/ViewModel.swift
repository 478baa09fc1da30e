import Foundation

/// Builds the flat `[String: Any]` view models the layouts render. Every URL in them is already
/// relative to the page being rendered, so templates never compute paths.
struct ViewModel {
    var config: SiteConfig
    var linker: Linker
    var plan: SitePlan
    var menu: [(label: String, target: Link)]
    var bannerShowing: Bool
    var publication: Publication
    /// Where the list service sends people after signing up: an absolute URL, resolved once.
    var newsletterThankYou: String?
    /// Each item's date as `date(_:)` gives it, made on first use: an item shows on many pages.
    let itemDates = SharedMemo<Int, [String: Any]>()
    /// Each item's card keys that no page changes (see `card`).
    let cardBases = SharedMemo<Int, [String: Any]>()
    /// The keys no page changes, under the one key 0 (see `common`).
    let siteWide = SharedMemo<Int, [String: Any]>()

    /// The date of the item at `position`.
    func itemDate(_ position: Int) -> [String: Any] {
        itemDates.value(position) { date(plan.items[position].date) }
    }

    /// A menu or social link: a file of ours or an outside URL.
    enum Link {
        case file(String)
        case external(String)
    }

    func url(_ link: Link, from page: String) -> String {
        switch link {
        case .file(let target): return linker.relative(from: page, to: target)
        case .external(let url): return url
        }
    }

    /// The keys every page has: site, root, navigation, chrome blocks, page metadata.
    func common(page: String, title: String, description: String, kind: String) -> [String: Any] {
        var context = siteWideKeys
        context["root"] = rootPrefix(for: page)
        context["page"] = [
            "title": title,
            "full_title": title == config.title ? title : "\(title) – \(config.title)",
            "description": description.isEmpty ? config.description : description,
            "canonical": linker.absolute(page),
            "kind": kind,
            "is_" + kind: true,
        ] as [String: Any]
        context["home_url"] = linker.relative(from: page, to: SitePlan.homeFile)
        context["news_url"] = linker.relative(from: page, to: plan.news.file(page: 1))
        context["tags_url"] = linker.relative(from: page, to: SitePlan.tagsFile)
        context["feed_url"] = linker.relative(from: page, to: SitePlan.feedFile)
        context["assets_url"] = linker.relative(from: page, to: "assets/x").dropLast(1).description
        context["menu"] = menu.map { entry -> [String: Any] in
            let href = url(entry.target, from: page)
            var item: [String: Any] = ["label": entry.label, "url": href]
            if case .file(let target) = entry.target, target == page || (target != SitePlan.homeFile && page.hasPrefix(SitePath.folder(of: target) + "/")) {
                item["current"] = true
            }
            return item
        }
        return context
    }

    /// The keys that are the same on every page (site, social links, chrome blocks), made once,
    /// with room for the ones each page adds.
    private var siteWideKeys: [String: Any] {
        siteWide.value(0) {
            var context = [String: Any](minimumCapacity: 40)
            context["site"] = [
                "title": config.title,
                "description": config.description,
                "language": config.language,
                "base_url": config.baseURL,
                "host": URL(string: config.baseURL)?.host ?? "",
            ] as [String: Any]
            context["feed_absolute_url"] = linker.absolute(SitePlan.feedFile)
            context["social"] = config.social.map { ["name": $0.icon, "url": $0.url, "label": $0.label] }
            if bannerShowing, let banner = config.banner {
                context["banner"] = ["text": banner.text, "cta": banner.callToAction, "url": banner.url]
            }
            if let newsletter = config.newsletter {
                var block: [String: Any] = ["action": newsletter.action, "title": newsletter.title, "text": newsletter.text]
                if let thankYou = newsletterThankYou { block["thank_you"] = thankYou }
                context["newsletter"] = block
            }
            if let contact = config.mediaContact {
                var block: [String: Any] = ["name": contact.name, "email": contact.email]
                if let phone = contact.phone { block["phone"] = phone }
                context["media_contact"] = block
            }
            if let email = config.contactEmail { context["contact_email"] = email }
            return context
        }
    }

    /// `../../` from `news/2023/index.html`; `""` at the root.
    func rootPrefix(for page: String) -> String {
        String(repeating: "../", count: page.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 })
    }

    func date(_ date: PublicationDate) -> [String: Any] {
        [
            "iso": date.iso8601,
            "day_iso": date.isoDay,
            "long": date.long,
            "rfc822": date.rfc822,
            "year": String(date.year),
            "month": PublicationDate.pad(date.month),
            "month_name": PublicationDate.monthNames[date.month - 1],
            "day": String(date.day),
        ]
    }

    /// An item as a listing shows it.
    func card(_ position: Int, from page: String, summary: String) -> [String: Any] {
        // What does not depend on the page is made once per item; each page adds its links.
        var card = cardBases.value(position) { cardBase(position) }
        card["url"] = linker.relative(from: page, to: plan.itemFiles[position])
        card["summary"] = summary
        card["tags"] = tags(of: position, from: page)
        if let image = plan.items[position].image, let target = plan.itemImages[position] {
            switch target {
            case .file(let file, let suffix): card["image"] = ["src": linker.relative(from: page, to: file) + suffix, "alt": image.alt]
            case .external(let url): card["image"] = ["src": url, "alt": image.alt]
            }
        }
        return card
    }

    /// A card's page-independent keys, with room for the ones `card` adds.
    private func cardBase(_ position: Int) -> [String: Any] {
        var base = [String: Any](minimumCapacity: 10)
        base["title"] = plan.items[position].title
        base["date"] = itemDate(position)
        if let location = plan.items[position].location { base["location"] = location }
        if plan.items[position].draft { base["draft"] = true }
        if publication.isScheduled(plan.items[position]) { base["scheduled"] = true }
        return base
    }

    func tags(of position: Int, from page: String) -> [[String: Any]] {
        plan.itemTagSlugs[position].compactMap { slug in
            guard let index = plan.tagIndex[slug] else { return nil }
            return ["name": plan.tags[index].name, "url": linker.relative(from: page, to: plan.tagListings[index].file(page: 1))]
        }
    }
}
