import Foundation

/// Reads and checks `site.yml`.
enum SiteConfigLoader {
    static let knownKeys = [
        "title", "description", "base_url", "language", "timezone", "theme", "per_page", "raw_html",
        "clean_urls", "feed", "websub", "menu", "social", "banner", "newsletter", "media_contact", "contact_email", "about",
        "search", "images", "pagination",
    ]

    static func load(from folder: SourceFolder, fileSystem: FileSystem = .local, log: inout DiagnosticLog) -> SiteConfig? {
        let path = "site.yml"
        let file = folder.location(path)
        guard let data = fileSystem.read(folder.file(path).path) else {
            log.error("no site.yml: a site folder needs one (title, base_url, timezone, theme …)", at: file)
            return nil
        }
        let text: String
        switch SourceText.decode(data, path: file.path) {
        case .success(let source): text = source.text
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        let root: YAMLNode
        switch YAMLNode.parse(text, path: file.path, firstLine: 1) {
        case .success(let node?): root = node
        case .success(nil): log.error("site.yml is empty", at: file); return nil
        case .failure(let diagnostic): log.add(diagnostic); return nil
        }
        guard let fields = FieldReader(root, log: &log) else { return nil }
        fields.warnAboutUnknownKeys(known: knownKeys, log: &log)
        var config = read(fields, log: &log)
        config?.fileHash = ContentHash.of(data)
        return config
    }

    private static func read(_ fields: FieldReader, log: inout DiagnosticLog) -> SiteConfig? {
        let title = fields.text("title", required: true, log: &log)?.0
        let baseURL = readBaseURL(fields, log: &log)
        var timeZone = TimeZone(identifier: "UTC")!
        if let (name, location) = fields.text("timezone", log: &log) {
            if let zone = TimeZone(identifier: name) {
                timeZone = zone
            } else {
                log.error("unknown timezone '\(name)' (use a name like Europe/Bucharest or UTC)", at: location)
            }
        }
        let parser = DateParser(timeZone: timeZone)
        var config = SiteConfig(
            title: title ?? "",
            description: fields.text("description", log: &log)?.0 ?? "",
            baseURL: baseURL ?? "http://localhost/",
            language: fields.text("language", log: &log)?.0 ?? "en",
            timeZone: timeZone,
            theme: fields.text("theme", log: &log)?.0 ?? "default",
            perPage: fields.integer("per_page", in: 1...1000, log: &log) ?? 10,
            allowsRawHTML: fields.bool("raw_html", log: &log) ?? false,
            cleanURLs: fields.bool("clean_urls", log: &log) ?? false,
            feed: readFeed(fields, log: &log),
            menu: readMenu(fields, log: &log),
            social: readSocial(fields, log: &log),
            banner: readBanner(fields, parser: parser, log: &log),
            newsletter: readNewsletter(fields, log: &log),
            mediaContact: readMediaContact(fields, log: &log),
            contactEmail: fields.text("contact_email", log: &log)?.0,
            about: nil
        )
        config.images = readImages(fields, log: &log)
        config.pagination = readPagination(fields, log: &log)
        if let (about, location) = fields.text("about", log: &log) {
            config.about = about
            config.aboutLocation = location
        }
        if let (choice, location) = fields.text("search", log: &log) {
            if let search = SiteConfig.SearchChoice(rawValue: choice) {
                config.search = search
            } else {
                log.error("'search' must be local or external, not '\(choice)'", at: location)
            }
        }
        if let (theme, location) = fields.text("theme", log: &log), !Slug.isValid(theme) {
            log.error("theme '\(theme)' is not a folder name (letters, digits, - and _)", at: location)
            return nil
        }
        return title == nil || baseURL == nil ? nil : config
    }

    private static func readBaseURL(_ fields: FieldReader, log: inout DiagnosticLog) -> String? {
        guard let (text, location) = fields.text("base_url", required: true, log: &log) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false, url.query == nil, url.fragment == nil
        else {
            log.error("'base_url' must be an absolute http(s) URL like https://example.org/news/, not '\(text)'", at: location)
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    private static func readPagination(_ fields: FieldReader, log: inout DiagnosticLog) -> Paging.Style {
        guard let (text, location) = fields.text("pagination", log: &log) else { return .stable }
        guard let style = Paging.Style(rawValue: text) else {
            let names = Paging.Style.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            log.error("'pagination' must be \(names), not '\(text)'", at: location)
            return .stable
        }
        return style
    }

    private static func readFeed(_ fields: FieldReader, log: inout DiagnosticLog) -> SiteConfig.FeedSettings {
        var settings = SiteConfig.FeedSettings()
        settings.hubs = readWebSubHubs(fields, log: &log)
        guard let feed = fields.map("feed", log: &log) else { return settings }
        feed.warnAboutUnknownKeys(known: ["items", "full_content", "max_bytes"], log: &log)
        settings.items = feed.integer("items", in: 1...10_000, log: &log) ?? settings.items
        settings.fullContent = feed.bool("full_content", log: &log) ?? settings.fullContent
        settings.maxBytes = feed.integer("max_bytes", in: 4096...100_000_000, log: &log) ?? settings.maxBytes
        return settings
    }

    private static func readImages(_ fields: FieldReader, log: inout DiagnosticLog) -> SiteConfig.ImageSettings {
        var settings = SiteConfig.ImageSettings()
        guard let images = fields.map("images", log: &log) else { return settings }
        images.warnAboutUnknownKeys(known: ["originals", "max_megapixels"], log: &log)
        settings.keepsOriginals = images.bool("originals", log: &log) ?? false
        settings.maxMegapixels = images.integer("max_megapixels", in: 1...1000, log: &log) ?? settings.maxMegapixels
        settings.location = images.location
        return settings
    }

    /// `websub.hub`: the hub URL the feeds announce, so subscribers get pushed updates, and that
    /// `publish` tells when a feed changed.
    private static func readWebSubHubs(_ fields: FieldReader, log: inout DiagnosticLog) -> [String] {
        guard let websub = fields.map("websub", log: &log) else { return [] }
        websub.warnAboutUnknownKeys(known: ["hub"], log: &log)
        guard let (hub, location) = websub.text("hub", required: true, log: &log) else { return [] }
        guard let url = URL(string: hub), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false else {
            log.error("'websub.hub' must be an absolute http(s) URL like https://pubsubhubbub.appspot.com/, not '\(hub)'", at: location)
            return []
        }
        return [hub]
    }

    private static func readMenu(_ fields: FieldReader, log: inout DiagnosticLog) -> [SiteConfig.MenuEntry] {
        (fields.list("menu", log: &log) ?? []).compactMap { node in
            guard let entry = FieldReader(node, prefix: "menu.", log: &log) else { return nil }
            entry.warnAboutUnknownKeys(known: ["label", "url"], log: &log)
            guard let label = entry.text("label", required: true, log: &log),
                  let url = entry.url("url", required: true, log: &log)
            else { return nil }
            return SiteConfig.MenuEntry(label: label.0, url: url.0, location: url.1)
        }
    }

    private static func readSocial(_ fields: FieldReader, log: inout DiagnosticLog) -> [SiteConfig.SocialLink] {
        (fields.list("social", log: &log) ?? []).compactMap { node in
            guard let entry = FieldReader(node, prefix: "social.", log: &log) else { return nil }
            entry.warnAboutUnknownKeys(known: ["icon", "url", "label"], log: &log)
            guard let icon = entry.text("icon", required: true, log: &log),
                  let url = entry.url("url", required: true, log: &log)
            else { return nil }
            let label = entry.text("label", log: &log)?.0 ?? icon.0.capitalized
            return SiteConfig.SocialLink(icon: icon.0, url: url.0, label: label, location: icon.1)
        }
    }

    private static func readBanner(_ fields: FieldReader, parser: DateParser, log: inout DiagnosticLog) -> SiteConfig.Banner? {
        guard let banner = fields.map("banner", log: &log) else { return nil }
        banner.warnAboutUnknownKeys(known: ["text", "cta", "url", "start", "end"], log: &log)
        guard let text = banner.text("text", required: true, log: &log),
              let cta = banner.text("cta", required: true, log: &log),
              let url = banner.url("url", required: true, log: &log)
        else { return nil }
        let start = banner.date("start", parser: parser, log: &log)
        let end = banner.date("end", parser: parser, log: &log)
        if let start, let end, end <= start, let location = banner.node("end")?.location {
            log.error("'banner.end' must come after 'banner.start'", at: location)
        }
        return SiteConfig.Banner(text: text.0, callToAction: cta.0, url: url.0, start: start, end: end)
    }

    private static func readNewsletter(_ fields: FieldReader, log: inout DiagnosticLog) -> SiteConfig.Newsletter? {
        guard let newsletter = fields.map("newsletter", log: &log) else { return nil }
        newsletter.warnAboutUnknownKeys(known: ["action", "title", "text", "thank_you"], log: &log)
        guard let action = newsletter.url("action", required: true, log: &log) else { return nil }
        return SiteConfig.Newsletter(
            action: action.0,
            title: newsletter.text("title", log: &log)?.0 ?? "Newsletter",
            text: newsletter.text("text", log: &log)?.0 ?? "",
            thankYou: newsletter.text("thank_you", log: &log)?.0
        )
    }

    private static func readMediaContact(_ fields: FieldReader, log: inout DiagnosticLog) -> SiteConfig.MediaContact? {
        guard let contact = fields.map("media_contact", log: &log) else { return nil }
        contact.warnAboutUnknownKeys(known: ["name", "email", "phone"], log: &log)
        guard let name = contact.text("name", required: true, log: &log),
              let email = contact.text("email", required: true, log: &log)
        else { return nil }
        return SiteConfig.MediaContact(name: name.0, email: email.0, phone: contact.text("phone", log: &log)?.0)
    }

}
