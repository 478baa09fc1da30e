import Foundation

/// A date or date-time as the author wrote it, with the instant it names.
///
/// The written fields are kept so the dateline and the URL show the date the author meant,
/// whatever the machine's timezone.
public struct PublicationDate: Sendable, Equatable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// Seconds east of UTC in which the fields are written.
    var offsetSeconds: Int
    /// False for a bare `YYYY-MM-DD` (midnight in the site timezone).
    var hasTime: Bool
    /// The moment in time, for ordering and scheduling.
    var instant: Date

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        lhs.instant < rhs.instant
    }

    /// `2023-03-21T10:00:00+02:00`
    public var iso8601: String {
        let offsetMinutes = abs(offsetSeconds) / 60
        guard (0...9999).contains(year), [month, day, hour, minute, second, offsetMinutes / 60].allSatisfy({ (0...99).contains($0) }) else {
            return isoDay + "T" + Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second) + Self.offsetText(offsetSeconds, separator: ":")
        }
        // Every field fits its width: the 25 bytes written in place (it is written for every
        // page's dates, where joining a dozen small strings cost more than the page's keys).
        return String(unsafeUninitializedCapacity: 25) { bytes in
            var count = 0
            func put(_ value: Int, width: Int) {
                var rest = value
                for place in stride(from: width - 1, through: 0, by: -1) {
                    bytes[count + place] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                count += width
            }
            func put(_ byte: Unicode.Scalar) {
                bytes[count] = UInt8(ascii: byte)
                count += 1
            }
            put(year, width: 4); put("-"); put(month, width: 2); put("-"); put(day, width: 2)
            put("T"); put(hour, width: 2); put(":"); put(minute, width: 2); put(":"); put(second, width: 2)
            put(offsetSeconds < 0 ? "-" : "+"); put(offsetMinutes / 60, width: 2); put(":"); put(offsetMinutes % 60, width: 2)
            return count
        }
    }

    /// `2023-03-21`
    var isoDay: String {
        Self.pad(year, width: 4) + "-" + Self.pad(month) + "-" + Self.pad(day)
    }

    /// `March 21, 2023`
    var long: String {
        "\(Self.monthNames[month - 1]) \(day), \(year)"
    }

    /// RFC 822 as RSS wants it: `Tue, 21 Mar 2023 10:00:00 +0200`, in the date's own offset.
    var rfc822: String {
        let weekday = Self.weekdayNames[Self.weekday(year: year, month: month, day: day)]
        let monthShort = String(Self.monthNames[month - 1].prefix(3))
        return weekday + ", " + Self.pad(day) + " " + monthShort + " " + Self.pad(year, width: 4) + " "
            + Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second) + " " + Self.offsetText(offsetSeconds, separator: "")
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func offsetText(_ seconds: Int, separator: String) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60) + separator + pad(minutes % 60)
    }

    /// Zero-padded decimal (String(format:) is slow on Linux).
    static func pad(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// 0 = Sunday (Sakamoto's method, proleptic Gregorian).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let table = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + table[month - 1] + day) % 7
    }
}
