import NewsroomMustache

/// Every key a view model can hold, at any depth, made once (interned: see `TemplateKey`).
/// Templates are checked against `ViewModelKeys.all` at load, so a misspelt `{{titel}}` is an
/// error instead of silently rendering nothing.
extension TemplateKey {
    // every page
    static let site = TemplateKey("site")
    static let title = TemplateKey("title")
    static let description = TemplateKey("description")
    static let language = TemplateKey("language")
    static let baseURL = TemplateKey("base_url")
    static let host = TemplateKey("host")
    static let root = TemplateKey("root")
    static let page = TemplateKey("page")
    static let fullTitle = TemplateKey("full_title")
    static let canonical = TemplateKey("canonical")
    static let kind = TemplateKey("kind")
    static let isHome = TemplateKey("is_home")
    static let isItem = TemplateKey("is_item")
    static let isPage = TemplateKey("is_page")
    static let isList = TemplateKey("is_list")
    static let isTags = TemplateKey("is_tags")
    static let isNotFound = TemplateKey("is_not_found")
    static let ogType = TemplateKey("og_type")
    static let homeURL = TemplateKey("home_url")
    static let newsURL = TemplateKey("news_url")
    static let tagsURL = TemplateKey("tags_url")
    static let feedURL = TemplateKey("feed_url")
    static let feedAbsoluteURL = TemplateKey("feed_absolute_url")
    /// The site's feeds in each format (and a tag page's `listing.feeds`): `type`, `title`, `url`.
    static let feeds = TemplateKey("feeds")
    static let type = TemplateKey("type")
    static let assetsURL = TemplateKey("assets_url")
    static let icon = TemplateKey("icon")
    static let menu = TemplateKey("menu")
    static let label = TemplateKey("label")
    static let url = TemplateKey("url")
    static let current = TemplateKey("current")
    static let social = TemplateKey("social")
    static let banner = TemplateKey("banner")
    static let text = TemplateKey("text")
    static let cta = TemplateKey("cta")
    static let newsletter = TemplateKey("newsletter")
    static let action = TemplateKey("action")
    static let thankYou = TemplateKey("thank_you")
    static let mediaContact = TemplateKey("media_contact")
    static let name = TemplateKey("name")
    static let email = TemplateKey("email")
    static let phone = TemplateKey("phone")
    static let contactEmail = TemplateKey("contact_email")
    static let searchLocal = TemplateKey("search_local")
    // items and cards
    static let item = TemplateKey("item")
    static let items = TemplateKey("items")
    static let date = TemplateKey("date")
    static let updated = TemplateKey("updated")
    static let iso = TemplateKey("iso")
    static let dayISO = TemplateKey("day_iso")
    static let long = TemplateKey("long")
    static let rfc822 = TemplateKey("rfc822")
    static let year = TemplateKey("year")
    static let month = TemplateKey("month")
    static let monthName = TemplateKey("month_name")
    static let day = TemplateKey("day")
    static let summary = TemplateKey("summary")
    static let content = TemplateKey("content")
    static let tags = TemplateKey("tags")
    static let permalink = TemplateKey("permalink")
    static let dateline = TemplateKey("dateline")
    static let place = TemplateKey("place")
    static let location = TemplateKey("location")
    static let author = TemplateKey("author")
    static let image = TemplateKey("image")
    static let src = TemplateKey("src")
    /// A processed image's size and candidates (see `ImagePicture`).
    static let width = TemplateKey("width")
    static let height = TemplateKey("height")
    static let srcset = TemplateKey("srcset")
    static let webpSrcset = TemplateKey("webp_srcset")
    static let sizes = TemplateKey("sizes")
    static let absoluteURL = TemplateKey("absolute_url")
    static let alt = TemplateKey("alt")
    static let caption = TemplateKey("caption")
    static let credit = TemplateKey("credit")
    static let standfirst = TemplateKey("standfirst")
    static let draft = TemplateKey("draft")
    static let scheduled = TemplateKey("scheduled")
    static let newer = TemplateKey("newer")
    static let older = TemplateKey("older")
    static let related = TemplateKey("related")
    static let about = TemplateKey("about")
    static let share = TemplateKey("share")
    static let facebook = TemplateKey("facebook")
    static let linkedin = TemplateKey("linkedin")
    static let x = TemplateKey("x")
    static let jsonLD = TemplateKey("json_ld")
    static let moreURL = TemplateKey("more_url")
    // listings
    static let listing = TemplateKey("listing")
    static let isNews = TemplateKey("is_news")
    static let isTag = TemplateKey("is_tag")
    static let isYear = TemplateKey("is_year")
    static let isMonth = TemplateKey("is_month")
    static let count = TemplateKey("count")
    static let pagination = TemplateKey("pagination")
    static let total = TemplateKey("total")
    static let pages = TemplateKey("pages")
    static let number = TemplateKey("number")
    static let hasPages = TemplateKey("has_pages")
    static let gap = TemplateKey("gap")
    static let previousURL = TemplateKey("previous_url")
    static let nextURL = TemplateKey("next_url")
    static let years = TemplateKey("years")
    static let countText = TemplateKey("count_text")
    static let hasNeighbours = TemplateKey("has_neighbours")
    static let latest = TemplateKey("latest")
    // archive navigation
    static let months = TemplateKey("months")
    static let parent = TemplateKey("parent")
    static let monthURL = TemplateKey("month_url")
    static let sitePages = TemplateKey("site_pages")
}

enum ViewModelKeys {
    /// The names of every key above: the vocabulary templates may use.
    static let all: Set<String> = Set(declared.map(\.spelling))

    static let declared: [TemplateKey] = [
        .site, .title, .description, .language, .baseURL, .host, .root, .page, .fullTitle, .canonical, .kind, .isHome, .isItem, .isPage, .isList, .isTags, .isNotFound, .ogType, .homeURL, .newsURL, .tagsURL, .feedURL, .feedAbsoluteURL, .feeds, .type, .assetsURL, .icon, .menu, .label, .url, .current, .social, .banner, .text, .cta, .newsletter, .action, .thankYou, .mediaContact, .name, .email, .phone, .contactEmail, .searchLocal,
        .item, .items, .date, .updated, .iso, .dayISO, .long, .rfc822, .year, .month, .monthName, .day, .summary, .content, .tags, .permalink, .dateline, .place, .location, .author, .image, .src, .width, .height, .srcset, .webpSrcset, .sizes, .absoluteURL, .alt, .caption, .credit, .standfirst, .draft, .scheduled, .newer, .older, .related, .about, .share, .facebook, .linkedin, .x, .jsonLD, .moreURL,
        .listing, .isNews, .isTag, .isYear, .isMonth, .count, .pagination, .total, .pages, .number, .hasPages, .gap, .previousURL, .nextURL, .years, .countText, .hasNeighbours, .latest,
        .months, .parent, .monthURL, .sitePages,
    ]

    /// `is_<kind>` for a page or listing kind.
    static func isKind(_ kind: String) -> TemplateKey {
        // Each page's kind by its key made once, not interned again (under a lock) per page.
        switch kind {
        case "home": .isHome
        case "item": .isItem
        case "page": .isPage
        case "list": .isList
        case "tags": .isTags
        case "not_found": .isNotFound
        default: TemplateKey("is_" + kind)
        }
    }
}
