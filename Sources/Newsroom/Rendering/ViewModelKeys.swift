/// Every key a view model can hold, at any depth. Templates are checked against this list at
/// load, so a misspelt `{{titel}}` is an error instead of silently rendering nothing.
/// A test renders the fixture site and asserts every emitted key is listed here.
enum ViewModelKeys {
    static let all: Set<String> = [
        // every page
        "site", "title", "description", "language", "base_url", "host", "root", "page", "full_title", "canonical", "kind",
        "is_home", "is_item", "is_page", "is_list", "is_tags", "is_not_found", "og_type",
        "home_url", "news_url", "tags_url", "feed_url", "feed_absolute_url", "assets_url", "icon",
        "menu", "label", "url", "current", "social", "banner", "text", "cta",
        "newsletter", "action", "thank_you", "media_contact", "name", "email", "phone", "contact_email",
        // items and cards
        "item", "items", "date", "updated", "iso", "day_iso", "long", "rfc822", "year", "month", "month_name", "day",
        "summary", "content", "tags", "permalink", "dateline", "location", "author", "image", "src", "absolute_url",
        "alt", "caption", "credit", "standfirst", "draft", "scheduled", "newer", "older", "related", "about", "share",
        "facebook", "linkedin", "x", "json_ld", "more_url",
        // listings
        "listing", "is_news", "is_tag", "is_year", "is_month", "count", "pagination", "total", "pages", "number",
        "has_pages", "gap", "previous_url", "next_url", "years", "count_text", "has_neighbours",
    ]
}
