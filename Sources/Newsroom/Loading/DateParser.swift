import NewsroomMarkdown
import Foundation
import NewsroomText

/// Parses front-matter dates: `YYYY-MM-DD`, ISO 8601 date-times, and every YAML 1.1 timestamp
/// form (archives written for Jekyll and Eleventy use them): `t` or spaces before the time, a
/// one-digit hour, fractional seconds of any length, spaces before the offset, and offsets
/// written `Z`, `-4`, `+05`, `+0530` or `+05:30`.
///
/// Without an offset the date is read in the site timezone (including its daylight-saving rules).
public struct DateParser: Sendable {
    var timeZone: TimeZone

    enum Failure: Error, Equatable {
        case malformed
        case outOfRange(String)
    }

    func parse(_ text: String) -> Result<PublicationDate, Failure> {
        let scalars = Array(text.trimmedASCIISpace.utf8)
        var reader = DigitReader(bytes: scalars)
        // YAML 1.1 allows a one-digit month and day only in the form with a time.
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 1...2), reader.skip("-"),
              let day = reader.number(digits: 1...2),
              !reader.atEnd || reader.index == 10
        else { return .failure(.malformed) }
        guard (1...9999).contains(year) else { return .failure(.outOfRange("year \(year) is out of range")) }
        guard (1...12).contains(month) else { return .failure(.outOfRange("month \(month) does not exist")) }
        guard day >= 1, day <= Self.daysIn(month: month, year: year) else {
            return .failure(.outOfRange("\(PublicationDate.monthNames[month - 1]) \(year) has no day \(day)"))
        }
        var date = PublicationDate(
            year: year, month: month, day: day, hour: 0, minute: 0, second: 0,
            offsetSeconds: 0, hasTime: false, instant: Date(timeIntervalSince1970: 0)
        )
        var explicitOffset: Int?
        if !reader.atEnd {
            guard reader.skip("T") || reader.skip("t") || reader.skipBlanks(),
                  let hour = reader.number(digits: 1...2), reader.skip(":"),
                  let minute = reader.number(digits: 2)
            else { return .failure(.malformed) }
            var second = 0
            if reader.skip(":") {
                guard let value = reader.number(digits: 2) else { return .failure(.malformed) }
                second = value
                if reader.skip(".") { reader.skipDigits() }
            }
            guard hour < 24, minute < 60, second < 60 else {
                return .failure(.outOfRange(String(format: "%02d:%02d:%02d is not a time of day", hour, minute, second)))
            }
            date.hour = hour
            date.minute = minute
            date.second = second
            date.hasTime = true
            _ = reader.skipBlanks()
            if reader.skip("Z") || reader.skip("z") {
                explicitOffset = 0
            } else if let sign = reader.sign() {
                guard let (hours, minutes) = reader.offset() else { return .failure(.malformed) }
                guard hours <= 14, minutes < 60, hours * 60 + minutes <= 14 * 60 else {
                    return .failure(.outOfRange("offset \(sign < 0 ? "-" : "+")\(hours):\(minutes) is not a real timezone offset"))
                }
                explicitOffset = sign * (hours * 3600 + minutes * 60)
            }
            guard reader.atEnd else { return .failure(.malformed) }
        }
        let fieldsAsUTC = Self.secondsSinceEpochTreatingAsUTC(date)
        if let offset = explicitOffset {
            date.offsetSeconds = offset
            date.instant = Date(timeIntervalSince1970: fieldsAsUTC - Double(offset))
        } else {
            // Local time in the site timezone: guess with the offset at that moment, then correct once.
            var offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: fieldsAsUTC))
            offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: fieldsAsUTC - Double(offset)))
            date.offsetSeconds = offset
            date.instant = Date(timeIntervalSince1970: fieldsAsUTC - Double(offset))
        }
        return .success(date)
    }

    /// The same instant's fields as seen in `timeZone` (for "now" and for new items).
    func fields(of instant: Date) -> PublicationDate {
        let offset = timeZone.secondsFromGMT(for: instant)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return PublicationDate(
            year: parts.year!, month: parts.month!, day: parts.day!,
            hour: parts.hour!, minute: parts.minute!, second: parts.second!,
            offsetSeconds: offset, hasTime: true, instant: instant
        )
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days-from-civil (Howard Hinnant's algorithm), so no Calendar is needed per item.
    static func secondsSinceEpochTreatingAsUTC(_ d: PublicationDate) -> Double {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (d.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + d.hour * 3600 + d.minute * 60 + d.second)
    }
}

/// A cursor over ASCII digits and separators.
private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    /// A number of `digits.lowerBound` to `digits.upperBound` digits, as many as there are.
    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var count = 0
        while count < digits.upperBound, index + count < bytes.count, (48...57).contains(bytes[index + count]) { count += 1 }
        guard count >= digits.lowerBound else { return nil }
        return number(digits: count)
    }

    /// An offset after its sign: `5`, `05`, `05:30` or `0530` → (hours, minutes).
    mutating func offset() -> (Int, Int)? {
        var run = 0
        while index + run < bytes.count, (48...57).contains(bytes[index + run]) { run += 1 }
        switch run {
        case 1, 2:
            guard let hours = number(digits: run) else { return nil }
            guard skip(":") else { return (hours, 0) }
            guard let minutes = number(digits: 2) else { return nil }
            return (hours, minutes)
        case 4:
            guard let hours = number(digits: 2), let minutes = number(digits: 2) else { return nil }
            return (hours, minutes)
        default:
            return nil
        }
    }

    /// Skips spaces and tabs; true when there was at least one.
    mutating func skipBlanks() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index > start
    }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func skipDigits() {
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

extension DateParser {
    /// Checks a `--now` value's shape (any timezone), for the command line's usage errors.
    public static func isValidTimestamp(_ text: String) -> Bool {
        if case .success = DateParser(timeZone: TimeZone(identifier: "UTC")!).parse(text) { return true }
        return false
    }
}

extension DateParser {
    /// The instant a `--now` value names, read as UTC when it has no offset (for commands that
    /// run before `site.yml` is read).
    public static func instant(_ text: String) -> Date? {
        if case .success(let date) = DateParser(timeZone: TimeZone(identifier: "UTC")!).parse(text) { return date.instant }
        return nil
    }
}
