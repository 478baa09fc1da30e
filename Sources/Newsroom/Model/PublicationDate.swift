import Foundation

/// A date or date-time as the author wrote it, with the instant it names.
///
/// The written fields are kept so the dateline and the URL show the date the author meant,
/// whatever the machine's timezone.
public struct PublicationDate: Sendable, Equatable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Seconds east of UTC in which the fields are written.
    public var offsetSeconds: Int
    /// False for a bare `YYYY-MM-DD` (midnight in the site timezone).
    public var hasTime: Bool
    /// The moment in time, for ordering and scheduling.
    public var instant: Date

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        lhs.instant < rhs.instant
    }

    /// `2023-03-21T10:00:00+02:00`
    public var iso8601: String {
        String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second) + Self.offsetText(offsetSeconds, separator: ":")
    }

    /// `2023-03-21`
    public var isoDay: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `March 21, 2023`
    public var long: String {
        "\(Self.monthNames[month - 1]) \(day), \(year)"
    }

    /// RFC 822 as RSS wants it: `Tue, 21 Mar 2023 10:00:00 +0200`, in the date's own offset.
    public var rfc822: String {
        let weekday = Self.weekdayNames[Self.weekday(year: year, month: month, day: day)]
        let monthShort = String(Self.monthNames[month - 1].prefix(3))
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d ", weekday, day, monthShort, year, hour, minute, second)
            + Self.offsetText(offsetSeconds, separator: "")
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func offsetText(_ seconds: Int, separator: String) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d%@%02d", sign, minutes / 60, separator, minutes % 60)
    }

    /// 0 = Sunday (Sakamoto's method, proleptic Gregorian).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let table = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + table[month - 1] + day) % 7
    }
}
