import Foundation
import Testing
@testable import Newsroom

/// The state file's fields: what is written is read back, small numbers take few bytes, and a
/// location in the same file as the one before it does not repeat the path.
@Suite struct BinaryCodingTests {
    static let numbers = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 2026, 1 << 31, -(1 << 40), Int.max, Int.min]

    @Test func integersRoundTrip() {
        var writer = BinaryWriter()
        for number in Self.numbers { writer.int(number) }
        writer.uint(.max)
        var reader = BinaryReader(bytes: writer.data)
        #expect(Self.numbers.map { _ in reader.int() } == Self.numbers.map { Optional($0) })
        #expect(reader.uint() == .max)
        #expect(reader.isAtEnd && reader.int() == nil)
    }

    @Test func smallIntegersTakeOneByteAndADateFewerThanTwenty() {
        var writer = BinaryWriter()
        writer.int(63)
        writer.int(-64)
        #expect(writer.data.count == 2)
        writer.int(2026)
        #expect(writer.data.count == 4)
        writer.data = []
        let date = try? DateParser(timeZone: TimeZone(identifier: "Europe/Bucharest")!).parse("2026-03-01T10:30:00+02:00").get()
        writer.date(date)
        #expect(writer.data.count < 20, "\(writer.data.count)")
        var reader = BinaryReader(bytes: writer.data)
        #expect(reader.date() == .some(date))
    }

    @Test func aLocationInTheSameFileAsTheLastDoesNotRepeatThePath() {
        let path = "site/content/news/2026-03-01-a-long-name-for-an-item-about-shelters.md"
        let places = [SourceLocation(path: path, line: 3, column: 7), SourceLocation(path: path, line: 4, column: 5), SourceLocation(path: "site/site.yml", line: 1), SourceLocation(path: path, line: 9)]
        var writer = BinaryWriter()
        for place in places { writer.location(place) }
        #expect(writer.data.count < 2 * path.utf8.count + 40, "\(writer.data.count)")
        var reader = BinaryReader(bytes: writer.data)
        #expect(places.map { _ in reader.location() } == places.map { Optional($0) })
        #expect(reader.isAtEnd)
    }

    @Test func aTruncatedIntegerIsNil() {
        var writer = BinaryWriter()
        writer.int(1 << 40)
        var reader = BinaryReader(bytes: Array(writer.data.dropLast()))
        #expect(reader.int() == nil)
    }
}
