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
    public internal(set) var instant: Date

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        lhs.instant < rhs.instant
    }

    /// `2023-03-21T10:00:00+02:00`
    public var iso8601: String {
        guard fieldsAndOffsetFitWidths else {
            return isoDay + "T" + Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second) + Self.offsetText(offsetSeconds, separator: ":")
        }
        return DateText.write(capacity: 25) { text in
            text.putDay(year, month, day)
            text.put("T"); text.putTime(hour, minute, second)
            text.putOffset(offsetSeconds, separator: ":")
        }
    }

    /// `2023-03-21`
    var isoDay: String {
        guard fieldsFitWidths else { return Self.pad(year, width: 4) + "-" + Self.pad(month) + "-" + Self.pad(day) }
        return DateText.write(capacity: 10) { $0.putDay(year, month, day) }
    }

    /// `March 21, 2023`
    var long: String {
        guard fieldsFitWidths else { return "\(Self.monthNames[month - 1]) \(day), \(year)" }
        let name = Self.monthNameBytes[month - 1]
        return DateText.write(capacity: name.count + 9) { text in
            text.put(name); text.put(" "); text.put(day, width: day < 10 ? 1 : 2); text.put(","); text.put(" ")
            text.put(year, width: year < 10 ? 1 : year < 100 ? 2 : year < 1000 ? 3 : 4)
        }
    }

    /// RFC 822 as RSS wants it: `Tue, 21 Mar 2023 10:00:00 +0200`, in the date's own offset.
    var rfc822: String {
        let weekday = Self.weekday(year: year, month: month, day: day)
        guard fieldsAndOffsetFitWidths else {
            let weekday = Self.weekdayNames[weekday]
            let monthShort = String(Self.monthNames[month - 1].prefix(3))
            return weekday + ", " + Self.pad(day) + " " + monthShort + " " + Self.pad(year, width: 4) + " "
                + Self.pad(hour) + ":" + Self.pad(minute) + ":" + Self.pad(second) + " " + Self.offsetText(offsetSeconds, separator: "")
        }
        return DateText.write(capacity: 31) { text in
            text.put(Self.weekdayBytes[weekday]); text.put(","); text.put(" ")
            text.put(day, width: 2); text.put(" "); text.put(Self.monthNameBytes[month - 1].prefix(3)); text.put(" "); text.put(year, width: 4); text.put(" ")
            text.putTime(hour, minute, second); text.put(" ")
            text.putOffset(offsetSeconds, separator: nil)
        }
    }

    /// Whether the year has at most four digits and the month, day and time fields at most two
    /// (none negative): the widths the texts above are written in place with. A date the parser
    /// made always does; one made otherwise goes the slower way.
    private var fieldsFitWidths: Bool {
        (0...9999).contains(year) && (1...12).contains(month) && (0...99).contains(day)
            && (0...99).contains(hour) && (0...99).contains(minute) && (0...99).contains(second)
    }

    /// `fieldsFitWidths`, and the offset's hours at most two digits: the texts with a time.
    private var fieldsAndOffsetFitWidths: Bool {
        fieldsFitWidths && abs(offsetSeconds) / 3600 <= 99
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNameBytes = monthNames.map { Array($0.utf8) }
    private static let weekdayBytes = weekdayNames.map { Array($0.utf8) }

    static func offsetText(_ seconds: Int, separator: String) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60) + separator + pad(minutes % 60)
    }

    /// Zero-padded decimal (String(format:) is slow on Linux). A value that fits the width is
    /// written in place: this names every item's folder and month.
    static func pad(_ value: Int, width: Int = 2) -> String {
        let limit = switch width {
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        default: 0
        }
        if value >= 0, value < limit {
            return DateText.write(capacity: width) { $0.put(value, width: width) }
        }
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

/// A date's text written byte by byte straight into a string's storage: dates are written for
/// every item and feed entry, where joining a dozen small strings cost more than the page's keys.
private struct DateText {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// The text `body` writes, in at most `capacity` bytes.
    static func write(capacity: Int, _ body: (inout DateText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { bytes in
            var text = DateText(bytes: bytes)
            body(&text)
            return text.count
        }
    }

    private init(bytes: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `value`'s last `width` decimal digits, zero-padded.
    mutating func put(_ value: Int, width: Int) {
        var rest = value
        for place in stride(from: width - 1, through: 0, by: -1) {
            bytes[count + place] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += width
    }

    /// `2023-03-21`
    mutating func putDay(_ year: Int, _ month: Int, _ day: Int) {
        put(year, width: 4); put("-"); put(month, width: 2); put("-"); put(day, width: 2)
    }

    /// `10:00:00`
    mutating func putTime(_ hour: Int, _ minute: Int, _ second: Int) {
        put(hour, width: 2); put(":"); put(minute, width: 2); put(":"); put(second, width: 2)
    }

    /// `+02:00` (or `+0200` without a separator) for an offset of at most 99 hours.
    mutating func putOffset(_ seconds: Int, separator: Unicode.Scalar?) {
        let minutes = abs(seconds) / 60
        put(seconds < 0 ? "-" : "+"); put(minutes / 60, width: 2)
        if let separator { put(separator) }
        put(minutes % 60, width: 2)
    }

    mutating func put(_ character: Unicode.Scalar) {
        bytes[count] = UInt8(ascii: character)
        count += 1
    }

    mutating func put<Bytes: Collection<UInt8>>(_ text: Bytes) {
        for byte in text {
            bytes[count] = byte
            count += 1
        }
    }
}
