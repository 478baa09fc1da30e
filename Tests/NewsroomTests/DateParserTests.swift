import Foundation
import Testing
@testable import Newsroom

@Suite struct DateParserTests {
    let bucharest = DateParser(timeZone: TimeZone(identifier: "Europe/Bucharest")!)

    @Test func bareDateIsMidnightInSiteTimezone() throws {
        let date = try bucharest.parse("2023-03-21").get()
        #expect(date.iso8601 == "2023-03-21T00:00:00+02:00")
        #expect(date.instant == Date(timeIntervalSince1970: 1_679_349_600))
        #expect(!date.hasTime)
    }

    @Test func summerTimeUsesTheSummerOffset() throws {
        #expect(try bucharest.parse("2023-07-01T09:00").get().iso8601 == "2023-07-01T09:00:00+03:00")
    }

    @Test func explicitOffsetsAndZulu() throws {
        let date = try bucharest.parse("2023-03-21T10:00:00-05:30").get()
        #expect(date.iso8601 == "2023-03-21T10:00:00-05:30")
        #expect(date.rfc822 == "Tue, 21 Mar 2023 10:00:00 -0530")
        #expect(try bucharest.parse("2024-02-29T23:59:59Z").get().rfc822 == "Thu, 29 Feb 2024 23:59:59 +0000")
        #expect(try bucharest.parse("2023-03-21 10:00:00.250+02:00").get().second == 0)
    }

    @Test(arguments: [
        ("2023-02-30", "February 2023 has no day 30"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("0000-01-01", "year 0 is out of range"),
        ("2023-13-01", "month 13 does not exist"),
        ("2023-03-21T24:00", "24:00:00 is not a time of day"),
        ("2023-03-21T10:00+25:00", "offset +25:0 is not a real timezone offset"),
    ])
    func impossibleDatesAreRejected(_ text: String, _ reason: String) {
        #expect(bucharest.parse(text) == .failure(.outOfRange(reason)))
    }

    @Test(arguments: ["yesterday", "21/03/2023", "2023-3-21", "2023-03-21T10", "2023-03-21T10:00:00+053", "2023-03-21T10:00:00+05:3",
                         "2023-03-21T10:00:00 +", "2023-03-21T1000", "2023-03-21 x", "2023-03-21x10:00"])
    func malformedDates(_ text: String) {
        #expect(bucharest.parse(text) == .failure(.malformed))
    }

    /// Every YAML 1.1 timestamp form, as Jekyll-era front matter writes them.
    @Test(arguments: [
        ("2025-01-29 18:15:32 +0530", "2025-01-29T18:15:32+05:30"),
        ("2015-09-21 16:52:00 -4", "2015-09-21T16:52:00-04:00"),
        ("2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43-05:00"),
        ("2001-12-14 21:59:43.10   -5", "2001-12-14T21:59:43-05:00"),
        ("2001-12-14\t21:59:43.10\tZ", "2001-12-14T21:59:43+00:00"),
        ("2001-12-14 2:59:43.10", "2001-12-14T02:59:43+02:00"),
        ("2001-12-14T21:59:43.123456789012Z", "2001-12-14T21:59:43+00:00"),
        ("2001-12-14T21:59:43.Z", "2001-12-14T21:59:43+00:00"),
        ("2001-12-14T21:59:43+05", "2001-12-14T21:59:43+05:00"),
        ("2001-12-14T21:59:43+05:30", "2001-12-14T21:59:43+05:30"),
        ("2001-12-14T21:59:43 +0530", "2001-12-14T21:59:43+05:30"),
        ("2001-1-2 3:04:05", "2001-01-02T03:04:05+02:00"),
        ("2001-12-14  21:59:43z", "2001-12-14T21:59:43+00:00"),
    ])
    func yamlTimestampForms(_ text: String, _ expected: String) throws {
        #expect(try bucharest.parse(text).get().iso8601 == expected)
    }

    @Test(arguments: [
        ("2025-02-29 18:15:32 +0530", "February 2025 has no day 29"),
        ("2015-09-21 24:52:00 -4", "24:52:00 is not a time of day"),
        ("2015-09-21 16:60:00 -4", "16:60:00 is not a time of day"),
        ("2015-09-21 16:52:00 -15", "offset -15:0 is not a real timezone offset"),
        ("2015-09-21 16:52:00 +0560", "offset +5:60 is not a real timezone offset"),
        ("2015-09-21 16:52:00 +14:30", "offset +14:30 is not a real timezone offset"),
        ("2015-13-1 16:52:00", "month 13 does not exist"),
    ])
    func impossibleYAMLTimestamps(_ text: String, _ reason: String) {
        #expect(bucharest.parse(text) == .failure(.outOfRange(reason)))
    }

    @Test func longFormAndWeekday() throws {
        let date = try bucharest.parse("2000-01-01").get()
        #expect(date.long == "January 1, 2000")
        #expect(date.rfc822.hasPrefix("Sat, 01 Jan 2000"))
    }
}

/// `iso8601` is written digit by digit; it must read as the fields joined with padding would.
@Suite struct ISODateTextTests {
    static func joined(_ date: PublicationDate) -> String {
        func pad(_ value: Int, _ width: Int = 2) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        let minutes = abs(date.offsetSeconds) / 60
        return "\(pad(date.year, 4))-\(pad(date.month))-\(pad(date.day))T\(pad(date.hour)):\(pad(date.minute)):\(pad(date.second))"
            + (date.offsetSeconds < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    @Test func matchesTheFieldsJoined() {
        for (year, month, day) in [(1, 1, 1), (999, 12, 31), (2023, 3, 21), (9999, 9, 9)] {
            for (hour, minute, second) in [(0, 0, 0), (9, 5, 7), (23, 59, 59)] {
                for offset in [0, 3600, -19_800, 20_700, 50_400, -43_200, -60] {
                    let date = PublicationDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset, hasTime: true, instant: Date())
                    #expect(date.iso8601 == Self.joined(date), "\(date.iso8601)")
                }
            }
        }
    }
}

/// The day, long and RFC 822 texts and `pad` are written byte by byte too; they must read as
/// the fields joined, and as Foundation's formatter writes RFC 822.
@Suite struct DateTextTests {
    static let fields = [(1, 1, 1), (7, 2, 9), (99, 10, 10), (999, 12, 31), (1999, 9, 30), (2023, 3, 21), (9999, 12, 31)]

    static func date(_ year: Int, _ month: Int, _ day: Int, offset: Int = 0) -> PublicationDate {
        PublicationDate(year: year, month: month, day: day, hour: 9, minute: 5, second: 7, offsetSeconds: offset, hasTime: true, instant: Date())
    }

    @Test func dayAndLongMatchTheFieldsJoined() {
        for (year, month, day) in Self.fields {
            let date = Self.date(year, month, day)
            #expect(date.isoDay == ISODateTextTests.joined(date).prefix(10).description)
            #expect(date.long == "\(PublicationDate.monthNames[month - 1]) \(day), \(year)")
        }
    }

    @Test func rfc822MatchesFoundation() throws {
        for (year, month, day) in Self.fields where year >= 1600 {
            for offset in [0, 7200, -19_800, 50_400] {
                let zone = try #require(TimeZone(secondsFromGMT: offset))
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let instant = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 9, minute: 5, second: 7)))
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = zone
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
                #expect(Self.date(year, month, day, offset: offset).rfc822 == formatter.string(from: instant))
            }
        }
    }

    @Test func padFillsToTheWidthAndKeepsLongerNumbers() {
        #expect(PublicationDate.pad(0) == "00")
        #expect(PublicationDate.pad(7) == "07")
        #expect(PublicationDate.pad(42) == "42")
        #expect(PublicationDate.pad(123) == "123")
        #expect(PublicationDate.pad(5, width: 1) == "5")
        #expect(PublicationDate.pad(7, width: 4) == "0007")
        #expect(PublicationDate.pad(2023, width: 4) == "2023")
        #expect(PublicationDate.pad(12345, width: 4) == "12345")
        #expect(PublicationDate.pad(-3) == "-3")
        #expect(PublicationDate.pad(3, width: 6) == "000003")
    }

    @Test func fieldsPastTheirWidthsStillJoin() {
        var date = Self.date(12345, 6, 7)
        #expect(date.isoDay == "12345-06-07")
        #expect(date.long == "June 7, 12345")
        date = Self.date(2023, 6, 7)
        date.hour = 123
        #expect(date.iso8601 == "2023-06-07T123:05:07+00:00")
    }
}
