import Foundation
import Testing
@testable import TMNormCore

/// Summer-time change days in Oslo 2009–2040 (day of March, day of October), read off zdump's tzdata
/// once and typed in, so the test does not depend on the machine's tzdata or on `OsloTime`.
let osloChangeDays: [(year: Int, march: Int, october: Int)] = [
    (2009, 29, 25), (2010, 28, 31), (2011, 27, 30), (2012, 25, 28), (2013, 31, 27), (2014, 30, 26),
    (2015, 29, 25), (2016, 27, 30), (2017, 26, 29), (2018, 25, 28), (2019, 31, 27), (2020, 29, 25),
    (2021, 28, 31), (2022, 27, 30), (2023, 26, 29), (2024, 31, 27), (2025, 30, 26), (2026, 29, 25),
    (2027, 28, 31), (2028, 26, 29), (2029, 25, 28), (2030, 31, 27), (2031, 30, 26), (2032, 28, 31),
    (2033, 27, 30), (2034, 26, 29), (2035, 25, 28), (2036, 30, 26), (2037, 29, 25), (2038, 28, 31),
    (2039, 27, 30), (2040, 25, 28),
]

/// An instant from UTC components via Foundation (independent of the code under test).
func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    return calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)) ?? .distantPast
}

func wall(_ text: String) throws -> LocalDateTime {
    let parts = text.split(separator: "T").map(String.init)
    return LocalDateTime(date: try LocalDate(parsing: parts[0]), time: try LocalTime(parsing: parts[1]))
}

@Suite("Europe/Oslo time without tzdata")
struct OsloTimeTests {
    @Test("clocks go forward from 02:00 CET to 03:00 CEST at 01:00 UTC on the last Sunday of March", arguments: osloChangeDays.map(\.year))
    func springForward(year: Int) throws {
        let day = try #require(osloChangeDays.first { $0.year == year }).march
        let change = utc(year, 3, day, 1)
        let justBefore = change.addingTimeInterval(-1)
        #expect(OsloTime.offset(at: justBefore) == 3600)
        #expect(OsloTime.offset(at: change) == 7200)
        #expect(OsloTime.localDateTime(of: justBefore) == (try wall("\(year)-03-\(day)T01:59:59")))
        #expect(OsloTime.localDateTime(of: change) == (try wall("\(year)-03-\(day)T03:00:00")))
        #expect(OsloTime.iso8601(justBefore) == "\(year)-03-\(day)T01:59:59+01:00")
        #expect(OsloTime.iso8601(change) == "\(year)-03-\(day)T03:00:00+02:00")
        // the skipped hour does not exist and is read as the same instant one hour later
        let skipped = try wall("\(year)-03-\(day)T02:30:00")
        #expect(OsloTime.isNonexistent(skipped))
        #expect(OsloTime.instant(for: skipped) == change.addingTimeInterval(1800))
        #expect(OsloTime.instant(for: try wall("\(year)-03-\(day)T03:00:00")) == change)
        #expect(OsloTime.instant(for: try wall("\(year)-03-\(day)T01:59:59")) == justBefore)
    }

    @Test("clocks go back from 03:00 CEST to 02:00 CET at 01:00 UTC on the last Sunday of October", arguments: osloChangeDays.map(\.year))
    func fallBack(year: Int) throws {
        let day = try #require(osloChangeDays.first { $0.year == year }).october
        let change = utc(year, 10, day, 1)
        let justBefore = change.addingTimeInterval(-1)
        #expect(OsloTime.offset(at: justBefore) == 7200)
        #expect(OsloTime.offset(at: change) == 3600)
        #expect(OsloTime.localDateTime(of: justBefore) == (try wall("\(year)-10-\(day)T02:59:59")))
        #expect(OsloTime.localDateTime(of: change) == (try wall("\(year)-10-\(day)T02:00:00")))
        #expect(OsloTime.iso8601(justBefore) == "\(year)-10-\(day)T02:59:59+02:00")
        #expect(OsloTime.iso8601(change) == "\(year)-10-\(day)T02:00:00+01:00")
        // the repeated hour is ambiguous: earlier = summer time, later = standard time
        let repeated = try wall("\(year)-10-\(day)T02:30:00")
        #expect(OsloTime.isAmbiguous(repeated))
        #expect(OsloTime.instant(for: repeated) == change.addingTimeInterval(-1800))
        #expect(OsloTime.instant(for: repeated, resolution: .later) == change.addingTimeInterval(1800))
        #expect(OsloTime.instant(for: try wall("\(year)-10-\(day)T03:00:00")) == change.addingTimeInterval(3600))
    }

    @Test("every hour 2009–2040 converts to Oslo time and back to the same instant")
    func hourlyRoundTrip() {
        var t = utc(2009, 1, 1)
        let end = utc(2041, 1, 1)
        while t < end {
            let local = OsloTime.localDateTime(of: t)
            // the second pass through the autumn hour needs `.later` to come back to itself
            let back = OsloTime.instant(for: local, resolution: OsloTime.offset(at: t) == 3600 ? .later : .earlier)
            if back != t { Issue.record("\(t) → \(local) → \(back)") }
            t = t.addingTimeInterval(3600)
        }
    }

    @Test(
        "the summer-time rules before 1996 end in September, 1980 starting on the first Sunday of April",
        arguments: [
            (1980, utc(1980, 4, 6, 1), utc(1980, 9, 28, 1)), (1981, utc(1981, 3, 29, 1), utc(1981, 9, 27, 1)),
            (1995, utc(1995, 3, 26, 1), utc(1995, 9, 24, 1)), (1996, utc(1996, 3, 31, 1), utc(1996, 10, 27, 1)),
        ])
    func historicRules(year: Int, start: Date, end: Date) {
        #expect(OsloTime.offset(at: start.addingTimeInterval(-1)) == 3600)
        #expect(OsloTime.offset(at: start) == 7200)
        #expect(OsloTime.offset(at: end.addingTimeInterval(-1)) == 7200)
        #expect(OsloTime.offset(at: end) == 3600)
    }

    @Test("no summer time is modelled before 1980")
    func before1980() {
        #expect(OsloTime.offset(at: utc(1979, 7, 1, 12)) == 3600)
        #expect(OsloTime.summerTimeTransitions(year: 1979) == nil)
    }

    @Test("midnight in Oslo is the start of the day in winter and in summer")
    func startOfDay() throws {
        #expect(OsloTime.startOfDay(try LocalDate(parsing: "2026-12-01")) == utc(2026, 11, 30, 23))
        #expect(OsloTime.startOfDay(try LocalDate(parsing: "2026-07-01")) == utc(2026, 6, 30, 22))
        #expect(OsloTime.localDate(of: utc(2026, 6, 30, 22)) == (try LocalDate(parsing: "2026-07-01")))
        #expect(OsloTime.localDate(of: utc(2026, 6, 30, 21, 59, 59)) == (try LocalDate(parsing: "2026-06-30")))
    }
}
