import Foundation
import TestSupport

/// A news site of any size, made up on the spot: the same count and seed always give the same
/// files. Tests that need volume or variety (engine comparison, the progress line) build it
/// instead of reading anything from outside the repository.
///
/// Items vary the way real ones do: date-only and timed dates in several offsets, one to four
/// tags from a Zipf-like list (some with accents), press releases with a location, a hero image
/// from `static/`, bodies with headings, lists, quotes, tables, links to pages and e-mail, a
/// few drafts and a few non-Latin headlines.
enum TestCorpus {
    /// Writes `count` items, five pages and the static files into `folder` (a site folder).
    static func write(items count: Int, to folder: URL, seed: UInt64 = 1) throws {
        try file(folder, "site.yml", """
            title: "Harbour Rights Network"
            description: "News and statements from the Harbour Rights Network."
            base_url: "https://news.harbour-rights.example/"
            language: en
            timezone: UTC
            per_page: 10
            theme: default

            """)
        for index in 0..<count {
            var random = SeededRandom(seed: seed &* 1_000_003 &+ UInt64(index))
            let item = Self.item(index, random: &random)
            try file(folder, "content/news/\(item.name).md", item.text)
        }
        for (slug, title) in pages {
            var random = SeededRandom(seed: seed &+ UInt64(slug.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
            let body = [paragraph(&random), "## \(random.pick(headings))", paragraph(&random), bullets(&random)].joined(separator: "\n\n")
            try file(folder, "content/pages/\(slug).md", "---\ntitle: \"\(title)\"\n---\n\n\(body)\n")
        }
        for photo in 1...8 {
            try file(folder, "static/img/photo-\(photo).svg", """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675"><title>Photo \(photo)</title>\
                <rect width="1200" height="675" fill="hsl(\(photo * 41 % 360),40%,50%)"/>\
                <circle cx="\(300 + photo * 60)" cy="330" r="160" fill="#fff" opacity="0.4"/></svg>

                """)
        }
    }

    private static func item(_ index: Int, random: inout SeededRandom) -> (name: String, text: String) {
        let day = random.int(0, 5_800)
        let (year, month, dayOfMonth) = civil(daysSince2010: day)
        let dateText = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
        let date = random.chance(0.4)
            ? dateText + String(format: "T%02d:%02d:00", random.int(6, 20), random.pick([0, 15, 30, 45])) + random.pick(["Z", "+02:00", "-05:00", "+05:30"])
            : dateText
        let place = random.pick(places)
        let programme = random.pick(programmes)
        let title = random.chance(0.03)
            ? random.pick(nonLatinTitles)
            : random.pick(titleForms).replacingOccurrences(of: "{p}", with: programme).replacingOccurrences(of: "{c}", with: place.city)
                .replacingOccurrences(of: "{y}", with: String(year)).replacingOccurrences(of: "{n}", with: String(random.int(40, 9000)))
        var tags: [String] = []
        for _ in 0..<random.int(1, 4) {
            let tag = tagList[min(tagList.count - 1, Int(Double(tagList.count) * pow(random.unit(), 2.2)))]
            if !tags.contains(tag) { tags.append(tag) }
        }
        var front = ["---", "title: \"\(title)\"", "date: \(date)", "tags:"] + tags.map { "  - \"\($0)\"" }
        front.append("summary: \"\(sentence(&random))\"")
        if random.chance(0.6) { front.append("location: \"\(place.city), \(place.country)\"") }
        front.append("author: \"\(random.pick(people))\"")
        if random.chance(0.7) {
            front += ["image:", "  src: /img/photo-\(random.int(1, 8)).svg", "  alt: \"\(programme) in \(place.city)\""]
        }
        if random.chance(0.02) { front.append("draft: true") }
        front.append("---")
        var body = [paragraph(&random)]
        for _ in 0..<random.int(2, 5) {
            body.append("## \(random.pick(headings))")
            body.append(paragraph(&random))
            switch random.int(0, 3) {
            case 0: body.append(bullets(&random))
            case 1: body.append("> \(sentence(&random))\n>\n> — \(random.pick(people))")
            case 2: body.append(table(&random))
            default: body.append(paragraph(&random))
            }
        }
        body.append("Read more [about the network](/about/) or write to [the press office](mailto:press@harbour-rights.example).")
        let slug = title.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        let name = "\(dateText)-\(slug.isEmpty ? "news" : slug)-\(index + 1)"
        return (name, front.joined(separator: "\n") + "\n\n" + body.joined(separator: "\n\n") + "\n")
    }

    private static func sentence(_ random: inout SeededRandom) -> String {
        "\(random.pick(subjects)) \(random.pick(verbs)) \(random.pick(objects)) \(random.pick(endings))."
    }

    private static func paragraph(_ random: inout SeededRandom) -> String {
        (0..<random.int(2, 5)).map { _ in sentence(&random) }.joined(separator: " ")
    }

    private static func bullets(_ random: inout SeededRandom) -> String {
        (0..<random.int(3, 5)).map { _ in "- \(random.pick(objects).prefix(1).uppercased() + random.pick(objects).dropFirst()) in \(random.pick(places).city)" }.joined(separator: "\n")
    }

    private static func table(_ random: inout SeededRandom) -> String {
        var rows = ["| Region | People reached | Status |", "| --- | ---: | --- |"]
        for _ in 0..<random.int(2, 4) {
            rows.append("| \(random.pick(places).country) | \(random.int(20, 8000)) | \(random.pick(["under way", "complete", "planned"])) |")
        }
        return rows.joined(separator: "\n")
    }

    /// Year, month and day `days` after 2010-01-01.
    private static func civil(daysSince2010 days: Int) -> (Int, Int, Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: days, to: calendar.date(from: DateComponents(year: 2010, month: 1, day: 1))!)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year!, parts.month!, parts.day!)
    }

    private static func file(_ folder: URL, _ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private static let pages = [("about", "About the network"), ("contact", "Contact us"), ("privacy", "Privacy notice"),
                                ("accessibility", "Accessibility statement"), ("press", "Press resources")]
    private static let places: [(city: String, country: String)] = [
        ("Valletta", "Malta"), ("Gdańsk", "Poland"), ("Mombasa", "Kenya"), ("Chittagong", "Bangladesh"), ("Piraeus", "Greece"),
        ("Cebu", "Philippines"), ("Dakar", "Senegal"), ("Santos", "Brazil"), ("Constanța", "Romania"), ("Callao", "Peru"),
    ]
    private static let programmes = ["Safe Crossings", "Port Watch", "Crew Voices", "Fair Contracts", "Harbour Legal Desk", "Shore Leave"]
    private static let titleForms = [
        "{p} opens a legal desk in {c}", "{p} reaches {n} seafarers", "{c} court rules on unpaid wages", "{p}: {y} results published",
        "Volunteers in {c} join {p}", "Statement on crew abandonment in {c}", "{n} workers recover wages through {p}",
        "Call for partners: {p} ({y})",
    ]
    private static let nonLatinTitles = ["Новости программы защиты моряков", "船員の権利に関する報告書", "تقرير حقوق البحارة", "Ειδήσεις για τα δικαιώματα των ναυτικών"]
    private static let tagList = [
        "Seafarers", "Press release", "Wages", "Courts", "Fishing", "Partnerships", "Training", "Europe", "Africa", "Asia",
        "Économie", "Sécurité", "Policy", "Volunteers", "Annual report", "Cooperación", "Research", "Health", "Ports", "Advocacy",
    ]
    private static let people = ["Ana Ionescu", "Kwame Mensah", "Leila Haddad", "Tomás Rivera", "Mei Tanaka", "Oskar Nowak"]
    private static let headings = ["Background", "What changes", "Next steps", "In numbers", "Partners", "What people said", "How to help"]
    private static let subjects = ["The legal desk", "Our caseworkers", "The port authority", "Crew members", "Partner unions", "The court", "Volunteer lawyers"]
    private static let verbs = ["recovered", "documented", "reviewed", "supported", "published", "challenged", "expanded"]
    private static let objects = ["unpaid wages", "contracts signed at sea", "cases of abandonment", "repatriation requests", "medical claims", "training sessions"]
    private static let endings = ["this quarter", "across three ports", "with local partners", "after months of work", "for the first time", "in every region"]
}
