import Foundation
import Testing
@testable import TMNormCore

@Suite("LocalDate, LocalTime and their parsing")
struct LocalDateTests {
    @Test("a date is read from YYYY-MM-DD and written back the same way")
    func roundTrip() throws {
        let d = try LocalDate(parsing: "2026-05-17")
        #expect(d.year == 2026 && d.month == 5 && d.day == 17)
        #expect(d.iso8601 == "2026-05-17")
        #expect(d.norwegianFormatted == "17.05.2026")
    }

    @Test(
        "malformed or impossible dates are refused with the reason",
        arguments: [
            ("2026-5-17", CalendarError.malformedDate("2026-5-17")),
            ("17.05.2026", .malformedDate("17.05.2026")),
            ("2026-05-17T00:00", .malformedDate("2026-05-17T00:00")),
            ("", .malformedDate("")),
            ("+026-05-17", .malformedDate("+026-05-17")),
            ("2026-13-01", .monthOutOfRange(13)),
            ("2026-00-01", .monthOutOfRange(0)),
            ("2025-02-29", .dayOutOfRange(year: 2025, month: 2, day: 29)),
            ("2026-04-31", .dayOutOfRange(year: 2026, month: 4, day: 31)),
            ("0000-01-01", .yearOutOfRange(0, supported: 1...9999)),
        ])
    func refused(text: String, expected: CalendarError) {
        #expect(throws: expected) { try LocalDate(parsing: text) }
    }

    @Test("29 February exists in leap years only, and 2000 was one but 1900 and 2100 are not")
    func leapYears() throws {
        #expect(throws: Never.self) { try LocalDate(year: 2024, month: 2, day: 29) }
        #expect(throws: Never.self) { try LocalDate(year: 2000, month: 2, day: 29) }
        #expect(throws: CalendarError.self) { try LocalDate(year: 1900, month: 2, day: 29) }
        #expect(throws: CalendarError.self) { try LocalDate(year: 2100, month: 2, day: 29) }
    }

    @Test("a date encodes to and decodes from a JSON string, and a bad string is a decoding error")
    func codable() throws {
        let d = try LocalDate(year: 2009, month: 6, day: 1)
        let json = try JSONEncoder().encode([d])
        #expect(String(decoding: json, as: UTF8.self) == #"["2009-06-01"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: json) == [d])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2009-06-31"]"#.utf8))
        }
    }

    @Test("dates order chronologically")
    func ordering() throws {
        #expect(try LocalDate(parsing: "2009-05-31") < LocalDate(parsing: "2009-06-01"))
        #expect(try LocalDate(parsing: "2008-12-31") < LocalDate(parsing: "2009-01-01"))
    }

    @Test(
        "weekdays agree with the calendar",
        arguments: [
            ("1970-01-01", Weekday.thursday), ("2000-02-29", .tuesday), ("2009-06-01", .monday),
            ("2024-12-31", .tuesday), ("2025-01-01", .wednesday), ("2026-05-17", .sunday),
            ("1900-01-01", .monday), ("2100-12-31", .friday), ("1969-12-31", .wednesday),
        ])
    func weekdays(text: String, weekday: Weekday) throws {
        #expect(try LocalDate(parsing: text).weekday == weekday)
    }

    @Test("day numbers agree with Foundation's Gregorian calendar for every day 1900–2100")
    func dayNumbersAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        let start = try #require(calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)))
        let first = try LocalDate(parsing: "1900-01-01")
        #expect(first.daysSinceEpoch == Int(start.timeIntervalSince1970 / 86_400))
        var day = first
        for offset in 0..<(201 * 366) where day.year <= 2100 {
            let c = calendar.dateComponents([.year, .month, .day], from: start.addingTimeInterval(Double(offset) * 86_400))
            #expect(c.year == day.year && c.month == day.month && c.day == day.day)
            #expect(LocalDate(daysSinceEpoch: day.daysSinceEpoch) == day)
            day = day.next
        }
    }

    @Test("a time of day reads HH:MM or HH:MM:SS and refuses 24:00 and 09:60")
    func times() throws {
        #expect(try LocalTime(parsing: "09:00").secondsSinceMidnight == 9 * 3600)
        #expect(try LocalTime(parsing: "20:59:59").formatted == "20:59:59")
        #expect(throws: CalendarError.timeOutOfRange(hour: 24, minute: 0, second: 0)) { try LocalTime(parsing: "24:00") }
        #expect(throws: CalendarError.timeOutOfRange(hour: 9, minute: 60, second: 0)) { try LocalTime(parsing: "09:60") }
        #expect(throws: CalendarError.malformedTime("9:00")) { try LocalTime(parsing: "9:00") }
    }

    @Test("every error has an English and a Norwegian text")
    func errorTexts() {
        let e = CalendarError.dayOutOfRange(year: 2025, month: 2, day: 29)
        #expect(e.description == "day 29 does not exist in 2025-02: it has 28 days")
        #expect(e.norwegian == "dag 29 finnes ikke i 2025-02: måneden har 28 dager")
    }
}
